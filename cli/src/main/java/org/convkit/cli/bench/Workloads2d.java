package org.convkit.cli.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.ndimage.Boundary;
import org.convkit.api.ndimage.NdImage;

/** The 2d workloads of {@code convkit bench}: 4096x4096 float32 image filters (WORKLOADS.md). */
final class Workloads2d {
    private static final int SIZE = 4096;
    private static final long SEED = 20261126L;

    private Workloads2d() {
    }

    static List<Workload> all() {
        return List.of(
                // ndimage.sobel(img, axis=1) / cv2.Sobel(dx=1): [-1,0,1] along columns, [1,2,1] along rows
                new ImageWorkload("sobel-4096", 2.0 * 6, ctx -> img -> () -> NdImage.sobel(img, 1, Boundary.REFLECT, 0, ctx)),
                // sigma 2.5, radius 7 (15x15): truncate = 7 / 2.5
                new ImageWorkload("gauss2d-4096", 2.0 * 30, ctx -> img -> () -> NdImage.gaussian(img, new double[] {2.5},
                        Boundary.REFLECT, 0, 7 / 2.5, ctx)),
                new ImageWorkload("conv2d7-4096", 2.0 * 49, ctx -> img -> {
                    DoubleNd k = DoubleNd.of(Shape.of(7, 7), new SplittableRandom(SEED + 7).doubles(49, -1, 1).toArray());
                    return () -> NdImage.correlate(img, k, Boundary.REFLECT, 0, ctx);
                }));
    }

    /** A filter of the random 4096x4096 image; {@code flopsPerPixel} counts one multiply and one add per tap. */
    private record ImageWorkload(String id, double flopsPerPixel,
                                 Function<ConvContext, Function<FloatNd, Runnable>> action) implements Workload {
        @Override
        public Runnable prepare(int threads) {
            SplittableRandom rnd = new SplittableRandom(SEED);
            float[] d = new float[SIZE * SIZE];
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) rnd.nextDouble();
            }
            return action.apply(ConvContext.defaults().withThreads(threads)).apply(FloatNd.of(Shape.of(SIZE, SIZE), d));
        }

        @Override
        public double flops() {
            return flopsPerPixel * SIZE * SIZE;
        }
    }
}
