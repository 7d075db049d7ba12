package org.convkit.api.nn;

import static org.convkit.api.nn.LayerChecks.assertBitIdentical;
import static org.convkit.api.nn.LayerChecks.assertClose;
import static org.convkit.api.nn.LayerChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class FlattenAndGlobalAvgPoolTest {

    @Test
    void flattenKeepsTheBatchAndTheRowMajorOrder() {
        FloatNd x = LayerChecks.offsetCopy(random(Shape.of(2, 3, 4, 5), 1));
        FlattenLayer l = new FlattenLayer(new FlattenSpec());
        FloatNd y = l.forward(x, Pass.train(1, 0));
        assertEquals(Shape.of(2, 60), y.shape());
        assertArrayEquals(x.toArray(), y.toArray());
        FloatNd gy = random(y.shape(), 2);
        FloatNd gx = l.backward(gy);
        assertEquals(x.shape(), gx.shape());
        assertArrayEquals(gy.toArray(), gx.toArray());
    }

    @Test
    void flattenRejectsAnInputWithoutFeatures() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FlattenLayer(new FlattenSpec()).outputShape(Shape.of(7)));
        assertTrue(e.getMessage().contains("[7]"), e.getMessage());
    }

    @Test
    void globalAvgPoolMatchesTheDoubleOracleForEverySpatialRank() {
        long seed = 1;
        for (Shape s : new Shape[] {Shape.of(2, 3, 7), Shape.of(2, 3, 4, 5), Shape.of(1, 2, 3, 2, 4)}) {
            FloatNd x = LayerChecks.offsetCopy(random(s, seed++));
            GlobalAvgPoolLayer l = new GlobalAvgPoolLayer(new GlobalAvgPoolSpec());
            int planes = s.dim(0) * s.dim(1);
            int area = s.size() / planes;
            FloatNd gy = random(Shape.of(s.dim(0), s.dim(1)), seed++);
            double[] y = new double[planes];
            double[] gx = new double[s.size()];
            for (int i = 0; i < s.size(); i++) {
                y[i / area] += x.getDouble(i) / area;
                gx[i] = gy.getDouble(i / area) / area;
            }
            FloatNd got = l.forward(x, Pass.train(1, 0));
            assertEquals(Shape.of(s.dim(0), s.dim(1)), got.shape());
            assertClose(y, got, 1e-6, "y " + s);
            assertClose(gx, l.backward(gy), 1e-6, "gx " + s);
        }
    }

    @Test
    void globalAvgPoolGradientsMatchFiniteDifferences() {
        LayerChecks.assertGradientsMatchFiniteDifferences(new GlobalAvgPoolLayer(new GlobalAvgPoolSpec()),
                random(Shape.of(2, 2, 3, 3), 3), 4, 1e-2, 1e-3);
    }

    @Test
    void globalAvgPoolIsBitIdenticalForOneAndTwoThreads() {
        FloatNd x = random(Shape.of(4, 6, 9, 9), 5);
        FloatNd gy = random(Shape.of(4, 6), 6);
        GlobalAvgPoolLayer one = new GlobalAvgPoolLayer(new GlobalAvgPoolSpec());
        GlobalAvgPoolLayer two = new GlobalAvgPoolLayer(new GlobalAvgPoolSpec());
        assertBitIdentical(one.forward(x, Pass.train(1, 0)), two.forward(x, Pass.train(2, 0)), "y");
        assertBitIdentical(one.backward(gy), two.backward(gy), "gx");
    }

    @Test
    void globalAvgPoolRejectsAnInputWithoutSpatialAxes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GlobalAvgPoolLayer(new GlobalAvgPoolSpec()).outputShape(Shape.of(8, 10)));
        assertTrue(e.getMessage().contains("[8, 10]"), e.getMessage());
    }
}
