package org.convkit.api.testing;

import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvEngine;
import org.convkit.api.conv.ConvGeometry;
import org.convkit.api.conv.ConvMethod;
import org.convkit.api.conv.ConvMode;
import org.convkit.api.conv.ConvSpec;
import org.convkit.api.conv.ReferenceConvolution;
import org.convkit.api.conv.SameAlignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every {@link ConvEngine} passes: on random shapes of its rank (size 1, even kernels,
 * kernels longer than the input, every mode and alignment, convolution and correlation, 1 and 2
 * threads) it agrees with {@link ReferenceConvolution}. A subclass names the engine, its rank and
 * precision; cases the engine does not support are left out, but at least one must remain.
 */
public abstract class ConvEngineContract {

    /** The engine under test. */
    protected abstract ConvEngine engine();

    /** The rank of the problems to try. */
    protected abstract int rank();

    /** The precision to test in. */
    protected DType dtype() {
        return DType.FLOAT64;
    }

    /** Largest input extent per axis in random cases; lower it for slow ranks. */
    protected int maxExtent() {
        return rank() == 1 ? 300 : rank() == 2 ? 24 : 10;
    }

    /** Largest kernel extent per axis in random cases. */
    protected int maxKernel() {
        return rank() == 1 ? 70 : rank() == 2 ? 9 : 5;
    }

    /** Extra specs to try (strides, dilations) beyond the plain ones; engines that support them add them. */
    protected List<ConvSpec> extraSpecs() {
        return List.of();
    }

    /** Allowed error, relative to the sum of |x||k| products along the output's largest entry. */
    protected double tolerance() {
        return dtype() == DType.FLOAT64 ? 1e-10 : 2e-5;
    }

    private record Case(String name, Shape x, Shape k, ConvSpec spec) {
    }

    private List<Case> cases() {
        SplittableRandom rnd = new SplittableRandom(20261127L + rank());
        List<Case> cases = new ArrayList<>();
        List<ConvSpec> specs = new ArrayList<>();
        for (ConvMode mode : ConvMode.values()) {
            for (boolean corr : new boolean[] {false, true}) {
                for (SameAlignment al : SameAlignment.values()) {
                    if (mode == ConvMode.SAME || al == SameAlignment.NUMPY) {
                        specs.add(new ConvSpec(mode, corr, null, null, al));
                    }
                }
            }
        }
        specs.addAll(extraSpecs());
        int r = rank();
        for (ConvSpec spec : specs) {
            // size 1 everywhere
            cases.add(new Case("size1", filled(r, 1), filled(r, 1), spec));
            // random shapes; kernel even on every axis; kernel longer than the input (not valid)
            for (int t = 0; t < 4; t++) {
                cases.add(new Case("random" + t, random(rnd, r, 1, maxExtent()), random(rnd, r, 1, maxKernel()), spec));
            }
            cases.add(new Case("even", random(rnd, r, maxKernel(), maxExtent()), evenShape(rnd, r), spec));
            if (spec.mode() != ConvMode.VALID) {
                cases.add(new Case("kernelLonger", random(rnd, r, 1, Math.max(1, maxKernel() / 2)),
                        random(rnd, r, maxKernel() / 2 + 1, maxKernel() + 2), spec));
            }
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> agreesWithTheReferenceOnRandomShapes() {
        List<DynamicTest> tests = supportedCases();
        assertTrue(tests.size() >= 8, engine().name() + " supports only " + tests.size() + " contract cases");
        return tests.stream();
    }

    /**
     * The contract's default cases for any engine, rank and precision: what the engine does not
     * support is left out, so the list may be empty. For suites that run every engine found.
     */
    public static List<DynamicTest> casesFor(ConvEngine engine, int rank, DType dtype) {
        ConvEngineContract contract = new ConvEngineContract() {
            @Override
            protected ConvEngine engine() {
                return engine;
            }

            @Override
            protected int rank() {
                return rank;
            }

            @Override
            protected DType dtype() {
                return dtype;
            }
        };
        return contract.supportedCases();
    }

    private List<DynamicTest> supportedCases() {
        ConvEngine engine = engine();
        SplittableRandom rnd = new SplittableRandom(7);
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            ConvGeometry g;
            try {
                g = ConvGeometry.of(c.x(), c.k(), c.spec());
            } catch (IllegalArgumentException e) {
                continue; // e.g. a valid-mode kernel larger than the input: not a problem an engine sees
            }
            if (!engine.supports(g, dtype())) {
                continue;
            }
            NdArray x = randomArray(rnd, c.x());
            NdArray k = randomArray(rnd, c.k());
            ConvGeometry geom = g;
            tests.add(DynamicTest.dynamicTest(engine.name() + " " + c.name() + " " + geom, () -> check(engine, x, k, geom)));
        }
        return tests;
    }

    @Test
    void neverClaimsAutoAsItsMethod() {
        assertTrue(engine().method() != ConvMethod.AUTO);
    }

    private void check(ConvEngine engine, NdArray x, NdArray k, ConvGeometry g) {
        NdArray want = new ReferenceConvolution().compute(x.toDouble(), k.toDouble(), g, ConvContext.defaults());
        double scale = 1e-30;
        for (int i = 0; i < x.shape().size(); i++) {
            scale = Math.max(scale, Math.abs(x.getDouble(i)));
        }
        double kSum = 0;
        for (int i = 0; i < k.shape().size(); i++) {
            kSum += Math.abs(k.getDouble(i));
        }
        scale *= kSum;
        for (int threads : new int[] {1, 2}) {
            NdArray got = engine.compute(x, k, g, new ConvContext(engine.method(), threads));
            assertEquals(g.output(), got.shape(), "output shape");
            assertEquals(dtype(), got.dtype(), "output dtype");
            for (int i = 0; i < want.shape().size(); i++) {
                double err = Math.abs(got.getDouble(i) - want.getDouble(i));
                if (err > tolerance() * scale) {
                    throw new AssertionError(engine.name() + " with " + threads + " threads: element " + i + " is "
                            + got.getDouble(i) + ", reference " + want.getDouble(i) + " (error " + err + ", allowed "
                            + tolerance() * scale + ")");
                }
            }
        }
    }

    private NdArray randomArray(SplittableRandom rnd, Shape s) {
        NdArray a = NdArray.zeros(dtype(), s);
        for (int i = 0; i < s.size(); i++) {
            a.setDouble(i, rnd.nextDouble(-1, 1));
        }
        return a;
    }

    private static Shape filled(int rank, int v) {
        int[] d = new int[rank];
        java.util.Arrays.fill(d, v);
        return Shape.of(d);
    }

    private static Shape random(SplittableRandom rnd, int rank, int lo, int hi) {
        int[] d = new int[rank];
        for (int a = 0; a < rank; a++) {
            d[a] = rnd.nextInt(lo, Math.max(lo, hi) + 1);
        }
        return Shape.of(d);
    }

    private Shape evenShape(SplittableRandom rnd, int rank) {
        int[] d = new int[rank];
        for (int a = 0; a < rank; a++) {
            d[a] = 2 * rnd.nextInt(1, Math.max(1, maxKernel() / 2) + 1);
        }
        return Shape.of(d);
    }
}
