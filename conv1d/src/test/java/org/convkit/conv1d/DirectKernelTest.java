package org.convkit.conv1d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DirectKernelTest {

    @Test
    void vectorAndScalarKernelsAreBitIdenticalIncludingTails() {
        SplittableRandom rnd = new SplittableRandom(11);
        DirectKernel vector = new VectorDirectKernel();
        DirectKernel scalar = new ScalarDirectKernel();
        for (int n : new int[] {1, 3, 4, 5, 31, 32, 33, 77, 1024}) {
            for (int taps : new int[] {1, 2, 7, 101}) {
                for (int dil : new int[] {1, 3}) {
                    double[] w = random(rnd, taps);
                    double[] xs = random(rnd, n + (taps - 1) * dil);
                    double[] a = new double[n];
                    double[] b = new double[n];
                    vector.correlate(xs, w, dil, a, n);
                    scalar.correlate(xs, w, dil, b, n);
                    assertArrayEquals(b, a, 0.0, "n " + n + ", taps " + taps + ", dilation " + dil);
                }
            }
        }
    }

    @Test
    void scalarKernelComputesTheCorrelationSum() {
        double[] xs = {1, 2, 3, 4, 5, 6};
        double[] w = {1, 10, 100};
        double[] acc = new double[4];
        new ScalarDirectKernel().correlate(xs, w, 1, acc, 4);
        assertArrayEquals(new double[] {321, 432, 543, 654}, acc, 0.0);
        double[] dilated = new double[2];
        new ScalarDirectKernel().correlate(xs, w, 2, dilated, 2);
        assertArrayEquals(new double[] {1 + 30 + 500, 2 + 40 + 600}, dilated, 0.0);
    }

    @Test
    void bestKernelUsesTheVectorApiWhenItIsAvailable() {
        // The build passes --add-modules=jdk.incubator.vector to the tests.
        assertInstanceOf(VectorDirectKernel.class, DirectKernel.best());
        assertEquals("conv1d-direct", new Conv1dDirect().name());
    }

    private static double[] random(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return v;
    }
}
