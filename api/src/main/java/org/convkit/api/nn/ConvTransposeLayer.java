package org.convkit.api.nn;

import java.util.Arrays;
import java.util.List;
import org.convkit.api.linalg.Sgemm;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * A {@link ConvTransposeLayerSpec} at run time, matching {@code torch.nn.functional.conv_transpose1d/2d/3d}:
 * input {@code [N, C_in, d...]}, weight {@code [C_in, C_out / groups, k...]}, bias {@code [C_out]},
 * output size {@code (n - 1) s - 2 p + d (k - 1) + outputPadding + 1} per axis and
 * {@code y[n, g C_out/G + o, j s + r d - p] += w[c, o, r] x[n, c, j]} for every input channel
 * {@code c} of group {@code g}, plus the bias: the adjoint of the convolution with the same weight.
 *
 * <p>Forward: per batch item one {@link Sgemm} per group ({@code W^T x}) then col2im; backward:
 * im2col of {@code gy}, then {@code gx = W cols} and {@code gw += x cols^T} per group, {@code gb} the
 * sum of {@code gy}; parameter gradients are added into {@link Parameter#grad()} (a frozen one gets
 * none). Threads and determinism as in {@link ConvLayer}. A training forward pass keeps a reference
 * to its input.
 */
public final class ConvTransposeLayer implements Layer {
    private final ConvTransposeLayerSpec spec;
    private final Parameter weight;
    private final Parameter bias;
    private final ConvWork work = new ConvWork();
    private Im2col transform;
    private FloatNd input;
    private Shape output;
    private int threads = 1;

    /** A layer with zero-filled weight and bias. */
    public ConvTransposeLayer(ConvTransposeLayerSpec spec) {
        this.spec = spec;
        int[] dims = new int[spec.rank() + 2];
        dims[0] = spec.inChannels();
        dims[1] = spec.outChannels() / spec.groups();
        System.arraycopy(spec.kernel(), 0, dims, 2, spec.rank());
        this.weight = new Parameter("weight", Shape.of(dims));
        this.bias = spec.bias() ? new Parameter("bias", Shape.of(spec.outChannels())) : null;
    }

    @Override
    public ConvTransposeLayerSpec spec() {
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
        System.arraycopy(g.in(), 0, dims, 2, spec.rank());
        return Shape.of(dims);
    }

    /** The geometry of the adjoint convolution: its input is this layer's output, its output this layer's input. */
    private ConvLayerGeometry geometry(Shape in) {
        int r = spec.rank();
        if (in.rank() != r + 2 || in.dim(1) != spec.inChannels()) {
            throw new IllegalArgumentException(spec + " expects an input of rank " + (r + 2) + " with "
                    + spec.inChannels() + " channels (N x " + spec.inChannels() + " x " + r + " sizes), got " + in);
        }
        int[] spatial = Arrays.copyOfRange(in.dims(), 2, r + 2);
        int[] k = spec.kernel();
        int[] s = spec.stride();
        int[] p = spec.padding();
        int[] d = spec.dilation();
        int[] op = spec.outputPadding();
        int[] out = new int[r];
        for (int a = 0; a < r; a++) {
            out[a] = (spatial[a] - 1) * s[a] - 2 * p[a] + d[a] * (k[a] - 1) + op[a] + 1;
            if (out[a] < 1) {
                throw new IllegalArgumentException(spec + " cannot take input " + in + ": output size "
                        + ConvLayerGeometry.dims(out) + " on axis " + a + " is not positive");
            }
        }
        return new ConvLayerGeometry(out, spatial, p, k, s, d);
    }

    private Im2col transform(Shape in) {
        ConvLayerGeometry g = geometry(in);
        if (transform == null || !transform.geometry().equals(g)) {
            transform = Im2col.of(g);
        }
        return transform;
    }

    @Override
    public FloatNd forward(FloatNd x, Pass pass) {
        Shape ys = outputShape(x.shape());
        Im2col col = transform(x.shape());
        ConvLayerGeometry g = col.geometry();
        int n = x.shape().dim(0);
        int groups = spec.groups();
        int cin = spec.inChannels();
        int cout = spec.outChannels();
        int cinG = cin / groups;
        int rows = cout / groups * g.kernelSize();
        int xSize = g.outSize();
        int ySize = g.inSize();
        ConvWork.Blocks blocks = ConvWork.Blocks.of(col, cout, spec.groups());
        boolean direct = blocks.direct();
        int runs = blocks.runs();
        int runLength = blocks.runLength();
        int block = blocks.block();
        float[] xd = x.data();
        float[] w = weight.value().data();
        float[] y = new float[ys.size()];
        work.forItems(n, pass.threads(), blocks.scratch(), (item, scratch, gt) -> {
            int xOff = x.offset() + item * cin * xSize;
            int yOff = item * cout * ySize;
            for (int q = 0; q < runs; q += block) {
                int qh = Math.min(runs, q + block);
                int p0 = q * runLength;
                int width = (qh - q) * runLength;
                float[] c = direct ? y : scratch;
                int cOff = direct ? yOff + p0 : 0;
                int ldc = direct ? ySize : width;
                for (int gi = 0; gi < groups; gi++) {
                    Sgemm.gemm(true, false, rows, width, cinG, w, gi * cinG * rows, rows, xd,
                            xOff + gi * cinG * xSize + p0, xSize, 0f, c, cOff + gi * rows * ldc, ldc, gt);
                }
                if (!direct) {
                    col.col2im(scratch, 0, cout, q, qh, y, yOff);
                }
            }
            if (bias != null) {
                ConvWork.addBias(y, yOff, cout, ySize, ySize, bias.value().data());
            }
        });
        input = pass.gradients() ? x : null;
        output = pass.gradients() ? ys : null;
        threads = pass.threads();
        return FloatNd.of(ys, y);
    }

    @Override
    public FloatNd backward(FloatNd gy) {
        FloatNd x = ConvWork.savedInput(spec, input, output, gy);
        Im2col col = transform(x.shape());
        ConvLayerGeometry g = col.geometry();
        int n = x.shape().dim(0);
        int groups = spec.groups();
        int cin = spec.inChannels();
        int cout = spec.outChannels();
        int cinG = cin / groups;
        int rows = cout / groups * g.kernelSize();
        int xSize = g.outSize();
        int ySize = g.inSize();
        ConvWork.Blocks blocks = ConvWork.Blocks.of(col, cout, spec.groups());
        boolean direct = blocks.direct();
        int runs = blocks.runs();
        int runLength = blocks.runLength();
        int block = blocks.block();
        float[] xd = x.data();
        float[] gyd = gy.data();
        float[] w = weight.value().data();
        float[] gx = new float[x.shape().size()];
        boolean weightGrad = weight.trainable();
        work.forChunks(n, threads, blocks.scratch(), weightGrad ? weight.size() : 0,
                (item, scratch, partial, gt) -> {
                    int xOff = x.offset() + item * cin * xSize;
                    int gyOff = gy.offset() + item * cout * ySize;
                    for (int q = 0; q < runs; q += block) {
                        int qh = Math.min(runs, q + block);
                        int p0 = q * runLength;
                        int width = (qh - q) * runLength;
                        float[] b = direct ? gyd : scratch;
                        int bOff = direct ? gyOff + p0 : 0;
                        int ldb = direct ? ySize : width;
                        if (!direct) {
                            col.im2col(gyd, gyOff, cout, q, qh, scratch, 0);
                        }
                        for (int gi = 0; gi < groups; gi++) {
                            int bg = bOff + gi * rows * ldb;
                            Sgemm.gemm(false, false, cinG, width, rows, w, gi * cinG * rows, rows, b, bg, ldb, 0f,
                                    gx, item * cin * xSize + gi * cinG * xSize + p0, xSize, gt);
                            if (weightGrad) {
                                Sgemm.gemm(false, true, cinG, rows, width, xd, xOff + gi * cinG * xSize + p0, xSize,
                                        b, bg, ldb, 1f, partial, gi * cinG * rows, rows, gt);
                            }
                        }
                    }
                }, weight.grad().data());
        if (bias != null && bias.trainable()) {
            ConvWork.addBiasGrad(gyd, gy.offset(), n, cout, ySize, bias.grad().data(), threads);
        }
        return FloatNd.of(x.shape(), gx);
    }
}
