package org.convkit.api.nn;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.convkit.api.linalg.ShiftedB;

/**
 * The column matrix of a stride-1 convolution read in place from the zero-padded input, for
 * {@link org.convkit.api.linalg.Sgemm#gemm(org.convkit.api.linalg.PackedA, ShiftedB, float, float[], int, int,
 * int)}.
 *
 * <p>Each channel is copied into a zero-padded box of {@code P_a = out_a + d_a (k_a - 1)} on each
 * axis, stored row-major. With stride 1, output position {@code o} with tap {@code t} reads the box
 * at flat index {@code base(o) + offset(t)}, where {@code base(o) = sum_a o_a pitch_a} and
 * {@code offset(t) = sum_a t_a d_a pitch_a}. So row {@code c K + t} of the column matrix, over a
 * range of flat positions, is the box of channel {@code c} shifted by {@code offset(t)}: the
 * product runs over the flat positions from the first output of a range of runs to its last one,
 * and the positions in between that are no output (the box's margins) are computed and dropped.
 * That costs {@code pitch / out} more columns on the innermost axis (32/28 for LeNet's first
 * layer, 14/10 for its second) and saves writing and packing the column matrix.
 */
final class ShiftedColumns {
    /** Floats after the last box, so that the kernels' 16-float strips never leave the array. */
    private static final int SLACK = 16;
    /** The most floats of flat product one block of runs may write before it is moved into the output. */
    static final int PRODUCT_BLOCK = 1 << 16;
    /**
     * The most output channels per group read this way. Each column read in place saves moving
     * {@code K} floats twice (im2col, then into the panels), which pays most where a column meets
     * few weights; with many, the packed panels' aligned loads win. Measured per layer, one thread,
     * alternating the two paths in one JVM: shifted over im2col 0.64x for LeNet's 6 -> 16 layer,
     * 0.77x for its first, 0.92x for 22 -> 40 (k 25, 1-d), 0.63-0.89x for ct3d's three layers
     * (8, 16, 32 outputs); even at 48 outputs (64 in, 3x3, 56x56); 1.05-1.10x at 64 and 1.19x at 128.
     */
    static final int MAX_OUTPUTS = 40;
    /** The most floats of padded boxes per thread beyond what the column path would take (16 MB). */
    static final int MAX_BOXES = 1 << 22;
    private final int[] in;
    private final int[] padBefore;
    private final int[] box;
    private final int[] pitch;
    private final int[] out;
    private final int boxSize;
    private final int runLength;
    private final int[] starts;
    /** {@code 0 .. out - 1}, the shifts of {@link #lags}; null unless the taps of a channel are contiguous. */
    private final int[] positions;

    /** The columns for {@code g} with {@code channels} channels per group, rows in {@link Im2col}'s order. */
    ShiftedColumns(ConvLayerGeometry g, int channels) {
        in = g.in();
        padBefore = g.padBefore();
        out = g.out();
        int[] kernel = g.kernel();
        int[] dilation = g.dilation();
        int r = in.length;
        box = new int[r];
        pitch = new int[r];
        int size = 1;
        for (int a = r - 1; a >= 0; a--) {
            box[a] = out[a] + dilation[a] * (kernel[a] - 1);
            pitch[a] = size;
            size = Math.multiplyExact(size, box[a]);
        }
        boxSize = size;
        runLength = out[r - 1];
        int taps = g.kernelSize();
        starts = new int[channels * taps];
        int[] t = new int[r];
        for (int k = 0; k < taps; k++) {
            int offset = 0;
            for (int a = 0; a < r; a++) {
                offset += t[a] * dilation[a] * pitch[a];
            }
            for (int c = 0; c < channels; c++) {
                starts[c * taps + k] = c * boxSize + offset;
            }
            for (int a = r - 1; a >= 0 && ++t[a] == kernel[a]; a--) {
                t[a] = 0;
            }
        }
        positions = r == 1 && dilation[0] == 1 ? IntStream.range(0, runLength).toArray() : null;
    }

    /**
     * The runs one product covers: as many as keep its output ({@code channels} rows of the
     * flat span) within {@value #PRODUCT_BLOCK} floats, at least one.
     */
    int runsPerBlock(int runs, int channels) {
        int perRun = out.length > 1 ? pitch[out.length - 2] : runLength;
        return Math.max(1, Math.min(runs, PRODUCT_BLOCK / Math.max(1, channels * perRun)));
    }

    /**
     * Whether a layer of geometry {@code g} over {@code channels} input channels, with
     * {@code outputs} output channels per group, is run this way: stride 1 on every axis, not a
     * plain product (a 1x1 kernel with no padding), at most {@value #MAX_OUTPUTS} outputs, and
     * boxes that take no more scratch than {@code columnScratch} (what one block of the column
     * path takes) or {@value #MAX_BOXES} floats: a whole item is padded at once, where the column
     * path transforms bounded blocks, so a large volume keeps the column path.
     */
    static boolean applies(ConvLayerGeometry g, int channels, int outputs, int columnScratch) {
        if (g.identity() || outputs > MAX_OUTPUTS) {
            return false;
        }
        int[] stride = g.stride();
        int[] out = g.out();
        int[] kernel = g.kernel();
        int[] dilation = g.dilation();
        long boxes = channels;
        for (int a = 0; a < stride.length; a++) {
            if (stride[a] != 1) {
                return false;
            }
            boxes *= out[a] + (long) dilation[a] * (kernel[a] - 1);
        }
        return boxes + SLACK <= Math.max(MAX_BOXES, columnScratch);
    }

    /** The floats {@link #pad} writes for {@code channels} channels. */
    int paddedSize(int channels) {
        return Math.addExact(Math.multiplyExact(channels, boxSize), SLACK);
    }

    /** The flat columns runs {@code [q, qh)} span: from run {@code q}'s first output to run {@code qh - 1}'s last. */
    int span(int q, int qh) {
        return base(qh - 1) - base(q) + runLength;
    }

    /**
     * Copies {@code channels} channels of the source at {@code xOff} into zero-padded boxes at
     * {@code dst[dstOff...]} ({@link #paddedSize} floats, the slack included).
     */
    void pad(float[] x, int xOff, int channels, float[] dst, int dstOff) {
        Arrays.fill(dst, dstOff, dstOff + paddedSize(channels), 0f);
        int r = in.length;
        int inLast = in[r - 1];
        int inSize = ConvLayerGeometry.prod(in);
        // the source lines: every index of the leading axes, copied whole into the box's line
        int lines = inSize / inLast;
        int[] i = new int[r];
        int len = Math.min(inLast, box[r - 1] - padBefore[r - 1]);
        for (int line = 0; line < lines; line++) {
            int at = padBefore[r - 1];
            boolean inside = len > 0;
            for (int a = 0; a < r - 1; a++) {
                int p = i[a] + padBefore[a];
                inside &= p < box[a];
                at += p * pitch[a];
            }
            if (inside) {
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(x, xOff + c * inSize + line * inLast, dst, dstOff + c * boxSize + at, len);
                }
            }
            for (int a = r - 2; a >= 0 && ++i[a] == in[a]; a--) {
                i[a] = 0;
            }
        }
    }

    /**
     * Row {@code c K + t} of the column matrix over runs from {@code q}: the padded boxes at
     * {@code boxes[boxesOff...]} ({@link #pad}), channels from {@code firstChannel}, {@code n} flat columns.
     */
    ShiftedB columns(float[] boxes, int boxesOff, int firstChannel, int q, int n) {
        return new ShiftedB(boxes, boxesOff + firstChannel * boxSize + base(q), starts, n);
    }

    /**
     * Whether {@link #lags} applies: one axis and no dilation, so that the taps of a channel read
     * consecutive floats of its box.
     */
    boolean lagsContiguous() {
        return positions != null;
    }

    /**
     * The transposed columns of one channel: row {@code p} (an output position) holds the {@code K}
     * values its taps read, {@code box[p + t]}, {@code t < K}; the box of {@code channel} at
     * {@code boxes[boxesOff...]} ({@link #pad}). The weight gradient of that channel,
     * {@code gw[o, t] = sum_p gy[o, p] box[p + t]}, is then {@code gy} times this, with the
     * positions as the inner dimension in their order, as the column path sums them.
     */
    ShiftedB lags(float[] boxes, int boxesOff, int channel, int taps) {
        return new ShiftedB(boxes, boxesOff + channel * boxSize, positions, taps);
    }

    /**
     * Moves the outputs of runs {@code [q, qh)} from the flat product {@code c} ({@code channels}
     * rows of length {@code ldc} from {@code cOff}) to {@code y} (channel {@code o} at
     * {@code yOff + o outSize}), adding {@code bias[o]} when there is a bias; the margins are dropped.
     */
    void scatter(float[] c, int cOff, int ldc, int channels, int q, int qh, float[] bias, float[] y, int yOff,
                 int outSize) {
        int first = base(q);
        for (int o = 0; o < channels; o++) {
            float b = bias == null ? 0f : bias[o];
            int row = cOff + o * ldc - first;
            int to = yOff + o * outSize + q * runLength;
            for (int run = q; run < qh; run++, to += runLength) {
                int from = row + base(run);
                if (bias == null) {
                    System.arraycopy(c, from, y, to, runLength);
                } else {
                    for (int j = 0; j < runLength; j++) {
                        y[to + j] = c[from + j] + b;
                    }
                }
            }
        }
    }

    /** The flat index of run {@code q}'s first output. */
    private int base(int q) {
        int at = 0;
        for (int a = out.length - 2; a >= 0; a--) {
            at += q % out[a] * pitch[a];
            q /= out[a];
        }
        return at;
    }
}
