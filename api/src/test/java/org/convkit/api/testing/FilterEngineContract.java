package org.convkit.api.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.convkit.api.ndimage.Boundary;
import org.convkit.api.ndimage.FilterEngine;
import org.convkit.api.ndimage.ReferenceFilter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every {@link FilterEngine} passes: on random shapes (size 1, even and odd kernels,
 * kernels wider than the input, any centre), for every {@link Boundary}, its separable passes and
 * direct correlation agree with {@link ReferenceFilter}, and give bit-identical results with 1 and
 * 2 threads. A subclass names the engine, its precision and the ranks to try; unsupported cases are
 * left out, but enough must remain.
 */
public abstract class FilterEngineContract {

    protected abstract FilterEngine engine();

    /** Ranks at which to try {@link FilterEngine#correlateSeparable}. */
    protected abstract int[] separableRanks();

    /** Ranks at which to try {@link FilterEngine#correlate}. */
    protected abstract int[] directRanks();

    protected DType dtype() {
        return DType.FLOAT64;
    }

    /** Allowed error relative to {@code max|x| * sum|w|} (the product of per-axis sums when separable). */
    protected double tolerance() {
        return dtype() == DType.FLOAT64 ? 1e-12 : 1e-5;
    }

    private static int maxExtent(int rank) {
        return rank == 1 ? 200 : rank == 2 ? 40 : 12;
    }

    @TestFactory
    Stream<DynamicTest> separablePassesAgreeWithTheReference() {
        FilterEngine engine = engine();
        SplittableRandom rnd = new SplittableRandom(424242);
        List<DynamicTest> tests = new ArrayList<>();
        for (int rank : separableRanks()) {
            if (!engine.supportsSeparable(dtype(), rank)) {
                continue;
            }
            for (Boundary mode : Boundary.values()) {
                for (int t = 0; t < 6; t++) {
                    Shape xs = t == 0 ? filled(rank, 1) : random(rnd, rank, 1, maxExtent(rank));
                    double[][] w = new double[rank][];
                    int[] centre = new int[rank];
                    for (int a = 0; a < rank; a++) {
                        if (t > 1 && rnd.nextInt(4) == 0) {
                            continue; // axis left alone
                        }
                        // t == 2: even kernels; t == 3: wider than the input; else any size
                        int k = t == 2 ? 2 * rnd.nextInt(1, 5) : t == 3 ? xs.dim(a) + rnd.nextInt(1, 6) : rnd.nextInt(1, 10);
                        w[a] = rnd.doubles(k, -1, 1).toArray();
                        centre[a] = rnd.nextInt(k);
                    }
                    NdArray x = randomArray(rnd, xs);
                    double cval = mode == Boundary.CONSTANT ? rnd.nextDouble(-1, 1) : 0;
                    String name = "rank " + rank + " " + mode + " x " + xs + " w " + lengths(w) + " centre "
                            + Arrays.toString(centre);
                    tests.add(DynamicTest.dynamicTest(name, () -> checkSeparable(engine, x, w, centre, mode, cval)));
                }
            }
        }
        assertTrue(tests.size() >= 10, engine.name() + " supports only " + tests.size() + " separable cases");
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> directCorrelationAgreesWithTheReference() {
        FilterEngine engine = engine();
        SplittableRandom rnd = new SplittableRandom(171717);
        List<DynamicTest> tests = new ArrayList<>();
        for (int rank : directRanks()) {
            for (Boundary mode : Boundary.values()) {
                for (int t = 0; t < 6; t++) {
                    Shape xs = t == 0 ? filled(rank, 1) : random(rnd, rank, 1, Math.min(30, maxExtent(rank)));
                    int[] kd = new int[rank];
                    for (int a = 0; a < rank; a++) {
                        kd[a] = t == 2 ? 2 * rnd.nextInt(1, 4) : t == 3 ? xs.dim(a) + rnd.nextInt(1, 4) : rnd.nextInt(1, 8);
                    }
                    Shape ks = Shape.of(kd);
                    if (!engine.supportsDirect(dtype(), xs, ks)) {
                        continue;
                    }
                    int[] centre = new int[rank];
                    for (int a = 0; a < rank; a++) {
                        centre[a] = rnd.nextInt(kd[a]);
                    }
                    NdArray x = randomArray(rnd, xs);
                    DoubleNd w = (DoubleNd) NdArray.as(DType.FLOAT64, randomArray(rnd, ks));
                    double cval = mode == Boundary.CONSTANT ? rnd.nextDouble(-1, 1) : 0;
                    String name = "rank " + rank + " " + mode + " x " + xs + " w " + ks + " centre " + Arrays.toString(centre);
                    tests.add(DynamicTest.dynamicTest(name, () -> checkDirect(engine, x, w, centre, mode, cval)));
                }
            }
        }
        assertTrue(tests.size() >= 10 || directRanks().length == 0,
                engine.name() + " supports only " + tests.size() + " direct cases");
        return tests.stream();
    }

    private void checkSeparable(FilterEngine engine, NdArray x, double[][] w, int[] centre, Boundary mode, double cval) {
        NdArray want = new ReferenceFilter().correlateSeparable(x.toDouble(), w, centre, mode, cval, ConvContext.defaults());
        double scale = Math.max(maxAbs(x), Math.abs(cval));
        for (double[] f : w) {
            scale *= f == null ? 1 : Arrays.stream(f).map(Math::abs).sum();
        }
        NdArray one = engine.correlateSeparable(x, w, centre, mode, cval, ConvContext.defaults());
        NdArray two = engine.correlateSeparable(x, w, centre, mode, cval, ConvContext.defaults().withThreads(2));
        compare(engine, want, one, two, scale);
    }

    private void checkDirect(FilterEngine engine, NdArray x, DoubleNd w, int[] centre, Boundary mode, double cval) {
        NdArray want = new ReferenceFilter().correlate(x.toDouble(), w, centre, mode, cval, ConvContext.defaults());
        double scale = Math.max(maxAbs(x), Math.abs(cval)) * Arrays.stream(w.toArray()).map(Math::abs).sum();
        NdArray one = engine.correlate(x, w, centre, mode, cval, ConvContext.defaults());
        NdArray two = engine.correlate(x, w, centre, mode, cval, ConvContext.defaults().withThreads(2));
        compare(engine, want, one, two, scale);
    }

    private void compare(FilterEngine engine, NdArray want, NdArray one, NdArray two, double scale) {
        assertEquals(want.shape(), one.shape(), "output shape");
        assertEquals(dtype(), one.dtype(), "output dtype");
        for (int i = 0; i < want.shape().size(); i++) {
            double err = Math.abs(one.getDouble(i) - want.getDouble(i));
            if (!(err <= tolerance() * scale + 1e-300)) {
                throw new AssertionError(engine.name() + ": element " + i + " is " + one.getDouble(i) + ", reference "
                        + want.getDouble(i) + " (error " + err + ", allowed " + tolerance() * scale + ")");
            }
        }
        assertArrayEquals(one.toDouble().toArray(), two.toDouble().toArray(), "1 and 2 threads differ");
    }

    private static double maxAbs(NdArray x) {
        double m = 1e-30;
        for (int i = 0; i < x.shape().size(); i++) {
            m = Math.max(m, Math.abs(x.getDouble(i)));
        }
        return m;
    }

    private NdArray randomArray(SplittableRandom rnd, Shape s) {
        NdArray a = NdArray.zeros(dtype(), s);
        for (int i = 0; i < s.size(); i++) {
            a.setDouble(i, rnd.nextDouble(-1, 1));
        }
        return a;
    }

    private static String lengths(double[][] w) {
        return Arrays.toString(Arrays.stream(w).mapToInt(f -> f == null ? 0 : f.length).toArray());
    }

    private static Shape filled(int rank, int v) {
        int[] d = new int[rank];
        Arrays.fill(d, v);
        return Shape.of(d);
    }

    private static Shape random(SplittableRandom rnd, int rank, int lo, int hi) {
        int[] d = new int[rank];
        for (int a = 0; a < rank; a++) {
            d[a] = rnd.nextInt(lo, hi + 1);
        }
        return Shape.of(d);
    }
}
