package org.convkit.api.ndimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class KernelsTest {

    @Test
    void everyListedNameGivesASquareKernel() {
        for (String name : Kernels.NAMES) {
            DoubleNd k = Kernels.named(name);
            assertEquals(2, k.shape().rank(), name);
            assertEquals(k.shape().dim(0), k.shape().dim(1), name);
        }
    }

    @Test
    void edgeKernelsAreTheLectureMatrices() {
        assertEquals(Arrays.toString(new double[] {1, 0, -1, 1, 0, -1, 1, 0, -1}),
                Arrays.toString(Kernels.named("vertical-edge").toArray()));
        assertEquals(Arrays.toString(new double[] {1, 1, 1, 0, 0, 0, -1, -1, -1}),
                Arrays.toString(Kernels.named("horizontal-edge").toArray()));
    }

    @Test
    void gaussianIsA5x5SymmetricKernelSummingToOne() {
        DoubleNd g = Kernels.named("gaussian");
        assertEquals(Shape.of(5, 5), g.shape());
        assertEquals(1.0, Arrays.stream(g.toArray()).sum(), 1e-12);
        assertEquals(g.get(0, 1), g.get(1, 0), 0);
        assertEquals(g.get(4, 3), g.get(0, 1), 0);
        assertTrue(g.get(2, 2) > g.get(2, 1));
    }

    @Test
    void gaussian1dRatioFollowsSigma() {
        double[] w = Kernels.gaussian1d(2.0, 8);
        assertEquals(17, w.length);
        assertEquals(Math.exp(-1.0 / 8), w[9] / w[8], 1e-14);
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kernels.named("prewitt"));
        assertTrue(e.getMessage().contains("prewitt") && e.getMessage().contains(String.join(", ", Kernels.NAMES)),
                e.getMessage());
    }
}
