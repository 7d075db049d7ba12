package org.convkit.cli.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.conv.ConvMethod;
import org.convkit.api.conv.ConvMode;
import org.convkit.api.conv.ConvSpec;
import org.convkit.api.conv.Convolution;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.ndimage.Boundary;
import org.convkit.api.ndimage.NdImage;

/** The 3d workloads of {@code convkit bench}, in the order of WORKLOADS.md. */
final class Workloads3d {
    private static final int N = 256;
    private static final int K = 5;

    private Workloads3d() {
    }

    static List<Workload> all() {
        return List.of(new Gauss3d(), new Conv3d5());
    }

    /** A 256^3 float32 volume of uniform [0, 1) values from a fixed seed, as peers.py draws it. */
    static FloatNd volume(int n, long seed) {
        return uniform(Shape.of(n, n, n), seed);
    }

    private static FloatNd uniform(Shape s, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] d = new float[s.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rnd.nextDouble();
        }
        return FloatNd.of(s, d);
    }

    /**
     * {@code gauss3d-256}: scipy.ndimage.gaussian_filter(vol, 2.0) (truncate 4, boundary reflect) on a
     * 256^3 float32 volume, as per-axis passes.
     */
    private static final class Gauss3d implements Workload {
        @Override
        public String id() {
            return "gauss3d-256";
        }

        @Override
        public Runnable prepare(int threads) {
            FloatNd vol = volume(N, 256L);
            ConvContext ctx = new ConvContext(ConvMethod.AUTO, threads);
            return () -> NdImage.gaussian(vol, new double[] {2}, Boundary.REFLECT, 0, 4.0, ctx);
        }

        /** Two flops per tap and voxel on each of the three axes (radius 8: 17 taps). */
        @Override
        public double flops() {
            return 3 * 2.0 * N * N * N * 17;
        }
    }

    /**
     * {@code conv3d5-256}: scipy.signal.convolve(vol, k5, 'same') semantics with the automatic
     * method, a generic (non-separable) random 5x5x5 float32 kernel. Peer: scipy.signal.fftconvolve.
     */
    private static final class Conv3d5 implements Workload {
        @Override
        public String id() {
            return "conv3d5-256";
        }

        @Override
        public Runnable prepare(int threads) {
            FloatNd vol = volume(N, 256L);
            FloatNd k5 = uniform(Shape.of(K, K, K), 5L);
            ConvSpec spec = ConvSpec.convolve(ConvMode.SAME);
            ConvContext ctx = new ConvContext(ConvMethod.AUTO, threads);
            return () -> Convolution.apply(vol, k5, spec, ctx);
        }

        /** Two flops per tap and output voxel, the direct method's count. */
        @Override
        public double flops() {
            return 2.0 * N * N * N * K * K * K;
        }
    }
}
