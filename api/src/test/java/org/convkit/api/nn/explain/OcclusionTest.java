package org.convkit.api.nn.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.Model;
import org.junit.jupiter.api.Test;

class OcclusionTest {

    /** The linear model's share of the class score at each position: sum over channels of W[k, c, p] x[c, p]. */
    private static double[] contributions(Model m, FloatNd x, int cls) {
        Shape s = x.shape();
        int area = s.size() / s.dim(0);
        float[] w = m.parameters().get("fc.weight").value().data();
        double[] out = new double[area];
        for (int c = 0; c < s.dim(0); c++) {
            for (int p = 0; p < area; p++) {
                out[p] += (double) w[cls * s.size() + c * area + p] * x.data()[c * area + p];
            }
        }
        return out;
    }

    @Test
    void singlePositionPatchesOfALinearModelGiveEachPositionsContribution() {
        Shape s = Shape.of(2, 4, 3);
        Model m = Nets.linear(s, 3, 1);
        FloatNd x = Nets.random(s, 2);
        FloatNd map = Occlusion.map(new Scorer(m, null, 1, 5), x, 2, new OcclusionConfig(1, 1, Baseline.ZERO));
        assertEquals(Shape.of(4, 3), map.shape());
        double[] want = contributions(m, x, 2);
        for (int p = 0; p < want.length; p++) {
            assertEquals(want[p], map.data()[p], 1e-5, "position " + p);
        }
    }

    @Test
    void overlappingWindowsAreAveragedAndTheTailIsCovered() {
        Shape s = Shape.of(1, 7);
        Model m = Nets.linear(s, 2, 3);
        FloatNd x = Nets.random(s, 4);
        FloatNd map = Occlusion.map(new Scorer(m, null, 2, 2), x, 0, new OcclusionConfig(3, 2, Baseline.ZERO));
        double[] c = contributions(m, x, 0);
        // windows start at 0, 2, 4 (a patch of 3 with stride 2 reaches the end of 7 exactly)
        List<int[]> windows = List.of(new int[] {0, 1, 2}, new int[] {2, 3, 4}, new int[] {4, 5, 6});
        double[] sum = new double[7];
        int[] cover = new int[7];
        for (int[] w : windows) {
            double drop = 0;
            for (int p : w) {
                drop += c[p];
            }
            for (int p : w) {
                sum[p] += drop;
                cover[p]++;
            }
        }
        for (int p = 0; p < 7; p++) {
            assertEquals(sum[p] / cover[p], map.data()[p], 1e-5, "position " + p);
        }
    }
}
