package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class MseLossTest {

    @Test
    void lossIsTheMeanSquaredDifferenceOverAllElements() {
        FloatNd o = SoftmaxCrossEntropyTest.random(Shape.of(2, 3, 2), 1, 2);
        FloatNd t = SoftmaxCrossEntropyTest.random(Shape.of(2, 3, 2), 2, 2);
        double sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += Math.pow(o.getDouble(i) - t.getDouble(i), 2);
        }
        assertEquals(sum / 12, new MseLoss().forward(o, t), 1e-6);
    }

    @Test
    void gradientIsTwiceTheDifferenceOverTheCount() {
        FloatNd o = FloatNd.of(Shape.of(4), 1, 2, 3, 4);
        FloatNd t = FloatNd.of(Shape.of(4), 0, 2, 5, 4);
        MseLoss loss = new MseLoss();
        loss.forward(o, t);
        FloatNd g = loss.backward();
        for (int i = 0; i < 4; i++) {
            assertEquals(2 * (o.getDouble(i) - t.getDouble(i)) / 4, g.getDouble(i), 1e-7);
        }
    }

    @Test
    void differentShapesAreRejectedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MseLoss().forward(FloatNd.zeros(Shape.of(2, 3)), FloatNd.zeros(Shape.of(3, 2))));
        assertTrue(e.getMessage().contains("2x3") && e.getMessage().contains("3x2"), e.getMessage());
    }
}
