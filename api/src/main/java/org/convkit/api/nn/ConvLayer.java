package org.convkit.api.nn;

import java.util.Arrays;
import java.util.List;
import org.convkit.api.linalg.PackedA;
import org.convkit.api.linalg.PackedB;
import org.convkit.api.linalg.Sgemm;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * A {@link ConvLayerSpec} at run time, matching {@code torch.nn.functional.conv1d/2d/3d}: input
 * {@code [N, C_in, d...]}, weight {@code [C_out, C_in / groups, k...]}, bias {@code [C_out]},
 * output {@code y[n, o, p] = b[o] + sum_c sum_r w[o, c, r] x[n, g C_in/G + c, p s + r d - pad]}
 * (a cross-correlation, zero outside the input; {@code g} the group of {@code o}).
 *
 * <p>Forward: per batch item, im2col ({@link Im2col}) then one {@link Sgemm} per group (a 1x1
 * kernel with stride 1 and no padding multiplies the input directly); a stride-1 layer with few
 * outputs per group reads its columns in place from the zero-padded input instead
 * ({@link ShiftedColumns}), with the same bits. Backward: {@code gx} is the correlation with the
 * flipped kernel, computed as {@code W^T gy} followed by col2im; {@code gw} ({@code gy cols^T}) is
 * accumulated over the batch and the positions (read in place channel by channel,
 * {@link ShiftedColumns#lags}, when such a layer has one axis and no dilation); {@code gb} is the
 * sum of {@code gy}; both are added into the parameters' gradients (only a trainable parameter's: the
 * work for a frozen one is skipped). {@link #backwardParameters} (the first layer of a network in
 * training) skips {@code gx}: no {@code W^T gy} product, no col2im. Items run on up to
 * {@link Pass#threads()} threads with results independent of the thread count (see {@link ConvWork}).
 * Parameters: {@code weight}, then {@code bias} when the spec has one. A training forward pass keeps
 * a reference to its input for the backward pass; the caller must not modify it in between.
 */
public final class ConvLayer implements Layer {
    private final ConvLayerSpec spec;
    private final Parameter weight;
    private final Parameter bias;
    private final ConvWork work = new ConvWork();
    private Im2col transform;
    private ShiftedColumns shifted;
    private FloatNd input;
    private Shape output;
    private int threads = 1;

    /** A layer with zero-filled weight and bias. */
    public ConvLayer(ConvLayerSpec spec) {
        this.spec = spec;
        int[] dims = new int[spec.rank() + 2];
        dims[0] = spec.outChannels();
        dims[1] = spec.inChannels() / spec.groups();
        System.arraycopy(spec.kernel(), 0, dims, 2, spec.rank());
        this.weight = new Parameter("weight", Shape.of(dims));
        this.bias = spec.bias() ? new Parameter("bias", Shape.of(spec.outChannels())) : null;
    }

    @Override
    public ConvLayerSpec spec() {
        return spec;
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    @Override
    public Shape outputShape(Shape input) {
        ConvLayerGeometry g = geometry(input);
        int[] dims = new int[input.rank()];
        dims[0] = input.dim(0);
        dims[1] = spec.outChannels();
        System.arraycopy(g.out(), 0, dims, 2, spec.rank());
        return Shape.of(dims);
    }

    private ConvLayerGeometry geometry(Shape in) {
        int r = spec.rank();
        if (in.rank() != r + 2 || in.dim(1) != spec.inChannels()) {
            throw new IllegalArgumentException(spec + " expects an input of rank " + (r + 2) + " with "
                    + spec.inChannels() + " channels (N x " + spec.inChannels() + " x " + r + " sizes), got " + in);
        }
        int[] spatial = Arrays.copyOfRange(in.dims(), 2, r + 2);
        try {
            return ConvLayerGeometry.forConv(spatial, spec.kernel(), spec.stride(), spec.dilation(), spec.padding());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(spec + " cannot take input " + in + ": " + e.getMessage(), e);
        }
    }

    private Im2col transform(Shape in) {
        ConvLayerGeometry g = geometry(in);
        if (transform == null || !transform.geometry().equals(g)) {
            transform = Im2col.of(g);
            int cin = spec.inChannels();
            int columnScratch = ConvWork.Blocks.of(transform, cin, spec.groups()).scratch();
            shifted = ShiftedColumns.applies(g, cin, spec.outChannels() / spec.groups(), columnScratch)
                    ? new ShiftedColumns(g, cin / spec.groups()) : null;
        }
        return transform;
    }

    @Override
    public FloatNd forward(FloatNd x, Pass pass) {
        Shape ys = outputShape(x.shape());
        Im2col col = transform(x.shape());
        float[] y = new float[ys.size()];
        if (shifted != null) {
            forwardShifted(col, x, y, pass.threads());
        } else {
            forwardColumns(col, x, y, pass.threads());
        }
        input = pass.gradients() ? x : null;
        output = pass.gradients() ? ys : null;
        threads = pass.threads();
        return FloatNd.of(ys, y);
    }

    /** The forward pass through column matrices (im2col into packed panels), a block of runs at a time. */
    private void forwardColumns(Im2col col, FloatNd x, float[] y, int threads) {
        ConvLayerGeometry g = col.geometry();
        int n = x.shape().dim(0);
        int groups = spec.groups();
        int cin = spec.inChannels();
        int cout = spec.outChannels();
        int coutG = cout / groups;
        int rows = cin / groups * g.kernelSize();
        int inSize = g.inSize();
        int outSize = g.outSize();
        ConvWork.Blocks blocks = ConvWork.Blocks.of(col, cin, groups);
        boolean direct = blocks.direct();
        int runs = blocks.runs();
        int runLength = blocks.runLength();
        int block = blocks.block();
        float[] xd = x.data();
        float[] w = weight.value().data();
        work.forItems(n, threads, blocks.scratch(), (item, scratch, gt) -> {
            int xOff = x.offset() + item * cin * inSize;
            int yOff = item * cout * outSize;
            for (int q = 0; q < runs; q += block) {
                int qh = Math.min(runs, q + block);
                int p0 = q * runLength;
                int width = (qh - q) * runLength;
                if (direct) {
                    for (int gi = 0; gi < groups; gi++) {
                        Sgemm.gemm(false, false, coutG, width, rows, w, gi * coutG * rows, rows,
                                xd, xOff + p0 + gi * rows * inSize, inSize, 0f, y, yOff + gi * coutG * outSize + p0,
                                outSize, gt);
                    }
                } else {
                    PackedB[] cols = work.packColumns(col, xd, xOff, cin, groups, q, qh, scratch);
                    for (int gi = 0; gi < groups; gi++) {
                        Sgemm.gemm(coutG, w, gi * coutG * rows, rows, cols[gi], 0f, y,
                                yOff + gi * coutG * outSize + p0, outSize, gt);
                    }
                }
                if (bias != null) {
                    ConvWork.addBias(y, yOff + p0, cout, outSize, width, bias.value().data());
                }
            }
        });
    }

    /**
     * The forward pass of a stride-1 layer: each item is copied into zero-padded boxes and every
     * group's weights (packed once for the batch) multiply the columns read in place from them
     * ({@link ShiftedColumns}), a block of runs at a time, into a flat product that is then moved
     * into {@code y} with the bias. The same fma chain per element as the im2col path.
     */
    private void forwardShifted(Im2col col, FloatNd x, float[] y, int threads) {
        ConvLayerGeometry g = col.geometry();
        int n = x.shape().dim(0);
        float[] xd = x.data();
        int groups = spec.groups();
        int cin = spec.inChannels();
        int cout = spec.outChannels();
        int coutG = cout / groups;
        int perGroup = cin / groups;
        int rows = perGroup * g.kernelSize();
        int inSize = g.inSize();
        int outSize = g.outSize();
        int runs = col.runs();
        float[] w = weight.value().data();
        float[] b = bias == null ? null : bias.value().data();
        PackedA[] packed = new PackedA[groups];
        for (int gi = 0; gi < groups; gi++) {
            packed[gi] = new PackedA(w, gi * coutG * rows, rows, coutG, rows);
        }
        ShiftedColumns cols = shifted;
        int block = cols.runsPerBlock(runs, cout);
        int boxes = cols.paddedSize(cin);
        int widest = 0;
        for (int q = 0; q < runs; q += block) {
            widest = Math.max(widest, cols.span(q, Math.min(runs, q + block)));
        }
        work.forItems(n, threads, Math.addExact(boxes, Math.multiplyExact(cout, widest)), (item, scratch, gt) -> {
            int yOff = item * cout * outSize;
            cols.pad(xd, x.offset() + item * cin * inSize, cin, scratch, 0);
            for (int q = 0; q < runs; q += block) {
                int qh = Math.min(runs, q + block);
                int span = cols.span(q, qh);
                for (int gi = 0; gi < groups; gi++) {
                    Sgemm.gemm(packed[gi], cols.columns(scratch, 0, gi * perGroup, q, span), 0f, scratch,
                            boxes + gi * coutG * span, span, gt);
                }
                cols.scatter(scratch, boxes, span, cout, q, qh, b, y, yOff, outSize);
            }
        });
    }

    /**
     * Adds one item's weight gradient into {@code partial} channel by channel: {@code gy} (packed
     * once per group) times each channel's transposed columns read in place from its padded box
     * ({@link ShiftedColumns#lags}). Each element sums the positions in order, as the column path does.
     */
    private void addLagGradient(ShiftedColumns lags, float[] xd, int xOff, float[] gyd, int gyOff, float[] scratch,
                                float[] partial, int threads) {
        int groups = spec.groups();
        int perGroup = spec.inChannels() / groups;
        int coutG = spec.outChannels() / groups;
        int taps = ConvLayerGeometry.prod(spec.kernel());
        int rows = perGroup * taps;
        int outSize = output.size() / output.dim(0) / spec.outChannels();
        lags.pad(xd, xOff, spec.inChannels(), scratch, 0);
        for (int gi = 0; gi < groups; gi++) {
            PackedA g = new PackedA(gyd, gyOff + gi * coutG * outSize, outSize, coutG, outSize);
            for (int c = 0; c < perGroup; c++) {
                Sgemm.gemm(g, lags.lags(scratch, 0, gi * perGroup + c, taps), 1f, partial,
                        gi * coutG * rows + c * taps, rows, threads);
            }
        }
    }

    @Override
    public FloatNd backward(FloatNd gy) {
        return backward(gy, true);
    }

    /** The weight and bias gradients only: no {@code W^T gy} product and no col2im. */
    @Override
    public void backwardParameters(FloatNd gy) {
        backward(gy, false);
    }

    private FloatNd backward(FloatNd gy, boolean inputGrad) {
        FloatNd x = ConvWork.savedInput(spec, input, output, gy);
        Im2col col = transform(x.shape());
        ConvLayerGeometry g = col.geometry();
        int n = x.shape().dim(0);
        int groups = spec.groups();
        int cin = spec.inChannels();
        int cout = spec.outChannels();
        int coutG = cout / groups;
        int rows = cin / groups * g.kernelSize();
        int inSize = g.inSize();
        int outSize = g.outSize();
        ConvWork.Blocks blocks = ConvWork.Blocks.of(col, cin, groups);
        boolean direct = blocks.direct();
        int runs = blocks.runs();
        int runLength = blocks.runLength();
        int block = blocks.block();
        float[] xd = x.data();
        float[] gyd = gy.data();
        float[] w = weight.value().data();
        float[] gx = inputGrad ? new float[x.shape().size()] : null;
        boolean trainable = weight.trainable();
        // one axis, stride 1, no dilation: each channel's weight gradient reads its input in place
        ShiftedColumns lags = trainable && shifted != null && shifted.lagsContiguous() ? shifted : null;
        // otherwise the weight gradient multiplies im2col columns
        boolean columnGrad = trainable && lags == null;
        int scratchSize = lags == null ? blocks.scratch() : Math.max(blocks.scratch(), lags.paddedSize(cin));
        work.forChunks(n, threads, scratchSize, trainable ? weight.size() : 0,
                (item, scratch, partial, gt) -> {
                    int xOff = x.offset() + item * cin * inSize;
                    int gyOff = gy.offset() + item * cout * outSize;
                    int gxOff = item * cin * inSize;
                    if (lags != null) {
                        addLagGradient(lags, xd, xOff, gyd, gyOff, scratch, partial, gt);
                    }
                    for (int q = 0; q < runs; q += block) {
                        int qh = Math.min(runs, q + block);
                        int p0 = q * runLength;
                        int width = (qh - q) * runLength;
                        float[] b = direct ? xd : scratch;
                        int bOff = direct ? xOff + p0 : 0;
                        int ldb = direct ? inSize : width;
                        if (!direct && columnGrad) {
                            // the columns feed only the weight gradient; gx below reuses scratch as output
                            col.im2col(xd, xOff, cin, q, qh, scratch, 0);
                        }
                        for (int gi = 0; columnGrad && gi < groups; gi++) {
                            Sgemm.gemm(false, true, coutG, rows, width, gyd, gyOff + gi * coutG * outSize + p0, outSize,
                                    b, bOff + gi * rows * ldb, ldb, 1f, partial, gi * coutG * rows, rows, gt);
                        }
                        if (!inputGrad) {
                            continue;
                        }
                        // gx = W^T gy, straight into gx when the columns are the input itself
                        float[] c = direct ? gx : scratch;
                        int cOff = direct ? gxOff + p0 : 0;
                        for (int gi = 0; gi < groups; gi++) {
                            Sgemm.gemm(true, false, rows, width, coutG, w, gi * coutG * rows, rows,
                                    gyd, gyOff + gi * coutG * outSize + p0, outSize, 0f, c, cOff + gi * rows * ldb, ldb,
                                    gt);
                        }
                        if (!direct) {
                            col.col2im(scratch, 0, cin, q, qh, gx, gxOff);
                        }
                    }
                }, weight.grad().data());
        if (bias != null && bias.trainable()) {
            ConvWork.addBiasGrad(gyd, gy.offset(), n, cout, outSize, bias.grad().data(), threads);
        }
        return inputGrad ? FloatNd.of(x.shape(), gx) : null;
    }
}
