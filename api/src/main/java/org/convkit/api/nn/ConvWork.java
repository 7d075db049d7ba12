package org.convkit.api.nn;

import java.util.Arrays;
import org.convkit.api.linalg.PackedB;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.parallel.Parallel;

/**
 * The batch drivers shared by {@link ConvLayer} and {@link ConvTransposeLayer}, with their scratch
 * buffers kept between calls (a layer runs one pass at a time).
 *
 * <p>Determinism: items are independent in the forward pass and for the input gradient, so they
 * may run on any thread. Weight gradients are reduced over a fixed number of item chunks
 * ({@value #CHUNKS} at most, fewer for big weights, never depending on the thread count): each
 * chunk sums its items in order into its own partial, and the partials are added in chunk order.
 */
final class ConvWork {
    static final int CHUNKS = 8;
    /**
     * The most floats all partial weight gradients may take together: layers with big weights use
     * fewer chunks (down to one, where only the GEMMs run on several threads).
     */
    static final int PARTIAL_FLOATS = 1 << 22;
    /**
     * Column-matrix floats transformed and multiplied at a time: whole runs of output positions
     * are grouped until the block reaches this size, which bounds the scratch each item needs.
     * Fixed (never derived from the thread count), so results stay reproducible.
     * 2 MB: since the forward pass writes its columns straight into packed panels, bigger blocks
     * (fewer, wider products, each packing the weights once) ran faster. Alternating one run each
     * in one JVM, conv2d-layer's median went from 120 ms at 512 KB to 113 ms at 1 MB and 2 MB (4 MB
     * and 8 MB as 2 MB; 256 KB 10% slower than 512 KB); training and the other inference workloads
     * did not move beyond noise.
     */
    static final int COLUMN_BLOCK = 1 << 19;

    /** The work for one batch item, with a scratch buffer of its block and the threads for its GEMMs. */
    @FunctionalInterface
    interface Item {
        void run(int item, float[] scratch, int gemmThreads);
    }

    /** The backward work for one batch item, also adding its weight gradient into {@code partial}. */
    @FunctionalInterface
    interface GradItem {
        void run(int item, float[] scratch, float[] partial, int gemmThreads);
    }

    private float[][] scratch = new float[0][];
    private float[][] high = new float[0][];
    private float[][] partials = new float[0][];

    /** Runs {@code body} for items {@code [0, n)}, split into contiguous blocks over at most {@code threads}. */
    void forItems(int n, int threads, int scratchSize, Item body) {
        int blocks = Math.max(1, Math.min(threads, n));
        int gemmThreads = Math.max(1, threads / blocks);
        ensureScratch(blocks, scratchSize);
        Parallel.forRange(blocks, blocks, (lo, hi) -> {
            for (int b = lo; b < hi; b++) {
                float[] s = scratch[b];
                for (int i = (int) ((long) n * b / blocks); i < (int) ((long) n * (b + 1) / blocks); i++) {
                    body.run(i, s, gemmThreads);
                }
            }
        });
    }

    /**
     * Runs {@code body} for items {@code [0, n)} in fixed chunks, each with a zeroed partial weight
     * gradient of {@code gradSize} values, then adds the partials in chunk order into {@code grad}.
     */
    void forChunks(int n, int threads, int scratchSize, int gradSize, GradItem body, float[] grad) {
        int chunks = Math.max(1, Math.min(Math.min(n, CHUNKS), PARTIAL_FLOATS / Math.max(1, gradSize)));
        int blocks = Math.min(threads, chunks);
        int gemmThreads = Math.max(1, threads / blocks);
        ensureScratch(blocks, scratchSize);
        if (partials.length < chunks || partials[0].length < gradSize) {
            partials = new float[chunks][gradSize];
        }
        Parallel.forRange(blocks, blocks, (lo, hi) -> {
            for (int b = lo; b < hi; b++) {
                float[] s = scratch[b];
                for (int c = chunks * b / blocks; c < chunks * (b + 1) / blocks; c++) {
                    float[] p = partials[c];
                    Arrays.fill(p, 0, gradSize, 0f);
                    for (int i = (int) ((long) n * c / chunks); i < (int) ((long) n * (c + 1) / chunks); i++) {
                        body.run(i, s, p, gemmThreads);
                    }
                }
            }
        });
        float[] total = partials[0];
        for (int c = 1; c < chunks; c++) {
            float[] p = partials[c];
            for (int i = 0; i < gradSize; i++) {
                total[i] += p[i];
            }
        }
        for (int i = 0; i < gradSize; i++) {
            grad[i] += total[i];
        }
    }

    /**
     * How one item's column matrix is cut: {@code runs} output runs of {@code runLength} positions,
     * {@code block} runs per GEMM, and the scratch floats one block of columns needs, as a plain
     * matrix or as {@link #packColumns} writes it (0 when the input multiplies directly, a 1x1
     * kernel with stride 1 and no padding).
     */
    record Blocks(boolean direct, int runs, int runLength, int block, int scratch) {

        /** The blocks of {@code col} for a column matrix over {@code channels} channels in {@code groups} groups. */
        static Blocks of(Im2col col, int channels, int groups) {
            ConvLayerGeometry g = col.geometry();
            boolean direct = g.identity();
            int runs = col.runs();
            int runLength = g.outSize() / runs;
            int taps = g.kernelSize();
            int rows = channels * taps;
            int block = direct ? runs : Math.max(1, Math.min(runs, COLUMN_BLOCK / Math.max(1, rows * runLength)));
            int width = block * runLength;
            int packed = groups * PackedB.size(rows / groups, width) + taps * width;
            return new Blocks(direct, runs, runLength, block, direct ? 0 : Math.max(rows * width, packed));
        }
    }

    /**
     * The columns of runs {@code [q, qh)} of the {@code channels x in} source at {@code xOff} as one
     * packed right operand per group, written into {@code scratch} and its twin from
     * {@link #high(float[], int)} (group {@code gi} from {@code gi * PackedB.size(rows, width)} in
     * both): each channel's {@code K} rows are transformed into a staging area after the groups
     * (one channel's rows only, so near the core: 32 KB for a 3x3 kernel over 896 positions) and
     * copied from there into the panels, so the column matrix never exists whole and the product
     * does not pack it again.
     */
    PackedB[] packColumns(Im2col col, float[] x, int xOff, int channels, int groups, int q, int qh,
                          float[] scratch) {
        ConvLayerGeometry g = col.geometry();
        int taps = g.kernelSize();
        int perGroup = channels / groups;
        int rows = perGroup * taps;
        int width = (qh - q) * (g.outSize() / col.runs());
        int size = PackedB.size(rows, width);
        int staging = groups * size;
        float[] high = high(scratch, staging);
        PackedB[] packed = new PackedB[groups];
        for (int gi = 0; gi < groups; gi++) {
            PackedB b = new PackedB(scratch, high, gi * size, rows, width);
            for (int c = 0; c < perGroup; c++) {
                col.im2col(x, xOff + (gi * perGroup + c) * g.inSize(), 1, q, qh, scratch, staging);
                b.setRows(c * taps, taps, scratch, staging, width);
            }
            packed[gi] = b;
        }
        return packed;
    }

    /** The input kept by the last training forward, checked against the output gradient {@code gy}. */
    static FloatNd savedInput(LayerSpec spec, FloatNd input, Shape output, FloatNd gy) {
        if (input == null) {
            throw new IllegalStateException(spec + ": backward needs a training forward pass first");
        }
        if (!gy.shape().equals(output)) {
            throw new IllegalArgumentException(spec + ": output gradient " + gy.shape() + " does not match the output "
                    + output);
        }
        return input;
    }

    /**
     * The second array of {@code scratch}'s block, at least {@code size} floats: the high halves of
     * {@link #packColumns}'s panels. Called from the block's own thread.
     */
    float[] high(float[] scratch, int size) {
        for (int b = 0; b < this.scratch.length; b++) {
            if (this.scratch[b] == scratch) {
                if (high[b] == null || high[b].length < size) {
                    high[b] = new float[size];
                }
                return high[b];
            }
        }
        throw new IllegalArgumentException("not a scratch buffer of this work");
    }

    private void ensureScratch(int blocks, int size) {
        if (scratch.length < blocks) {
            scratch = Arrays.copyOf(scratch, blocks);
            high = Arrays.copyOf(high, blocks);
        }
        for (int b = 0; b < blocks; b++) {
            if (scratch[b] == null || scratch[b].length < size) {
                scratch[b] = new float[size];
            }
        }
    }

    /** {@code y[c, j] += bias[c]} for {@code j < width}, channel {@code c} starting at {@code off + c ld}. */
    static void addBias(float[] y, int off, int channels, int ld, int width, float[] bias) {
        for (int c = 0; c < channels; c++) {
            float b = bias[c];
            for (int i = off + c * ld, end = i + width; i < end; i++) {
                y[i] += b;
            }
        }
    }

    /**
     * {@code grad[c] += sum_n sum_p gy[n, c, p]}, each channel summed in double: four running sums
     * (positions mod 4 within each item's run), in item then position order, added pairwise at the end.
     */
    static void addBiasGrad(float[] gy, int off, int n, int channels, int size, float[] grad, int threads) {
        // channels are independent and each keeps its order, so any thread count gives the same bits
        Parallel.forRange(channels, threads, (lo, hi) -> addBiasGrad(gy, off, n, channels, size, grad, lo, hi));
    }

    private static void addBiasGrad(float[] gy, int off, int n, int channels, int size, float[] grad, int lo, int hi) {
        for (int c = lo; c < hi; c++) {
            // four interleaved double sums in a fixed order: a single chain waits on each add's latency
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int b = 0; b < n; b++) {
                int i = off + (b * channels + c) * size;
                int end = i + size;
                for (; i + 4 <= end; i += 4) {
                    s0 += gy[i];
                    s1 += gy[i + 1];
                    s2 += gy[i + 2];
                    s3 += gy[i + 3];
                }
                for (; i < end; i++) {
                    s0 += gy[i];
                }
            }
            grad[c] += (float) ((s0 + s1) + (s2 + s3));
        }
    }
}
