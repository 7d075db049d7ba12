package org.convkit.api.nn.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.convkit.api.io.Npy;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.BatchNormSpec;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.DropoutSpec;
import org.convkit.api.nn.FlattenSpec;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.ModelMetadata.Normalisation;
import org.convkit.api.nn.NamedLayer;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.PoolLayerSpec;
import org.convkit.api.nn.ReluSpec;
import org.convkit.api.nn.SequentialSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SaliencyTest {

    private static float[] row(Model m, int cls, int n) {
        return Arrays.copyOfRange(m.parameters().get("fc.weight").value().data(), cls * n, (cls + 1) * n);
    }

    @Test
    void linearModelSaliencyIsItsWeightRow() {
        Shape s = Shape.of(3, 10);
        Model m = Nets.linear(s, 4, 1);
        FloatNd g = Saliency.gradient(new Scorer(m, null, 1, 8), Nets.random(s, 2), 2);
        assertEquals(s, g.shape());
        assertArrayEquals(row(m, 2, 30), g.toArray());
    }

    @Test
    void normalisationDividesTheWeightRowByEachChannelsStd() {
        Shape s = Shape.of(2, 5);
        Model m = Nets.linear(s, 3, 1);
        Normalisation norm = new Normalisation(new double[] {0.5, -1}, new double[] {2, 4});
        FloatNd g = Saliency.gradient(new Scorer(m, norm, 1, 8), Nets.random(s, 2), 1);
        float[] w = row(m, 1, 10);
        for (int i = 0; i < 10; i++) {
            assertEquals(w[i] / (i < 5 ? 2.0 : 4.0), g.data()[i], 1e-7, "element " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void convNetSaliencyMatchesCentralDifferencesInDouble(int rank) {
        int[] dims = new int[rank + 1];
        Arrays.fill(dims, 6 - rank);
        dims[0] = 2;
        Shape s = Shape.of(dims);
        Model m = Nets.conv(s, 3, 10 + rank);
        FloatNd x = Nets.random(s, 20 + rank);
        FloatNd g = Saliency.gradient(new Scorer(m, null, 2, 8), x, 1);
        double[] xd = x.toDouble().toArray();
        double h = 1e-6;
        for (int i = 0; i < xd.length; i++) {
            double keep = xd[i];
            xd[i] = keep + h;
            double up = Nets.convScore(m, s, xd, 1);
            xd[i] = keep - h;
            double down = Nets.convScore(m, s, xd, 1);
            xd[i] = keep;
            double want = (up - down) / (2 * h);
            assertEquals(want, g.data()[i], 1e-5 * (1 + Math.abs(want)), "element " + i + " of rank " + rank);
        }
    }

    @Test
    void saliencyMatchesTorchAutograd() throws IOException {
        Path dir = Path.of("src/test/resources/explain/torch-saliency");
        Model m = Model.build(new SequentialSpec(java.util.List.of(
                new NamedLayer("conv", ConvLayerSpec.of(2, 2, 3, 3, Padding.valid())),
                new NamedLayer("relu", ReluSpec.relu()),
                new NamedLayer("pool", PoolLayerSpec.max(2, 2)),
                new NamedLayer("drop", new DropoutSpec(0.5)),
                new NamedLayer("flat", new FlattenSpec()),
                new NamedLayer("fc", new LinearSpec(27, 4, true)))));
        for (String p : new String[] {"conv_w:conv.weight", "conv_b:conv.bias", "fc_w:fc.weight", "fc_b:fc.bias"}) {
            String[] names = p.split(":");
            float[] v = Npy.read(dir.resolve(names[0] + ".npy")).toFloat().toArray();
            System.arraycopy(v, 0, m.parameters().get(names[1]).value().data(), 0, v.length);
        }
        FloatNd x = Npy.read(dir.resolve("x.npy")).toFloat();
        double[] want = Npy.read(dir.resolve("grad_class2.npy")).toDouble().toArray();
        float[] got = Saliency.gradient(new Scorer(m, null, 1, 4), x, 2).toArray();
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-6 * (1 + Math.abs(want[i])), "element " + i);
        }
    }

    @Test
    void batchNormInEvaluationScalesTheWeightRowByGammaOverTheRunningStd() {
        Model m = Model.build(new SequentialSpec(java.util.List.of(
                new NamedLayer("bn", new BatchNormSpec(2, 0.1, 1e-5)),
                new NamedLayer("flat", new FlattenSpec()),
                new NamedLayer("fc", new LinearSpec(8, 3, true)))));
        org.convkit.api.nn.Init.initialise(m, 4, org.convkit.api.nn.Init.Scheme.PYTORCH_DEFAULT);
        float[] gamma = {1.5f, -0.5f};
        float[] var = {4f, 0.25f};
        System.arraycopy(gamma, 0, m.parameters().get("bn.weight").value().data(), 0, 2);
        System.arraycopy(var, 0, m.buffers().get("bn.running_var").value().data(), 0, 2);
        m.buffers().get("bn.running_mean").value().data()[1] = 3f;
        FloatNd g = Saliency.gradient(new Scorer(m, null, 1, 4), Nets.random(Shape.of(2, 4), 5), 0);
        float[] w = row(m, 0, 8);
        for (int i = 0; i < 8; i++) {
            int c = i / 4;
            assertEquals(w[i] * gamma[c] / Math.sqrt(var[c] + 1e-5), g.data()[i], 1e-6, "element " + i);
        }
    }

    @Test
    void smoothGradOfALinearModelIsStillTheWeightRow() {
        Shape s = Shape.of(1, 12);
        Model m = Nets.linear(s, 2, 3);
        FloatNd g = Saliency.smoothGrad(new Scorer(m, null, 1, 4), Nets.random(s, 4), 0, new SmoothGrad(10, 0.2, 5));
        assertArrayEquals(row(m, 0, 12), g.toArray(), 1e-6f);
    }

    @Test
    void smoothGradIsTheSameForAnyThreadCountAndBatchSize() {
        Shape s = Shape.of(2, 6, 6);
        Model m = Nets.conv(s, 3, 7);
        FloatNd x = Nets.random(s, 8);
        SmoothGrad config = new SmoothGrad(9, 0.15, 42);
        FloatNd a = Saliency.smoothGrad(new Scorer(m, null, 1, 4), x, 1, config);
        FloatNd b = Saliency.smoothGrad(new Scorer(m, null, 3, 4), x, 1, config);
        assertArrayEquals(a.toArray(), b.toArray());
    }

    @Test
    void smoothGradWithoutNoiseIsThePlainGradient() {
        Shape s = Shape.of(2, 9);
        Model m = Nets.conv(s, 3, 7);
        FloatNd x = Nets.random(s, 8);
        Scorer scorer = new Scorer(m, null, 1, 4);
        assertArrayEquals(Saliency.gradient(scorer, x, 0).toArray(),
                Saliency.smoothGrad(scorer, x, 0, new SmoothGrad(3, 0, 1)).toArray(), 1e-7f);
    }

    @Test
    void explainingLeavesParameterGradientsAndFlagsAlone() {
        Shape s = Shape.of(2, 9);
        Model m = Nets.conv(s, 3, 7);
        m.parameters().get("conv.weight").setTrainable(false);
        Saliency.gradient(new Scorer(m, null, 1, 4), Nets.random(s, 1), 0);
        m.parameters().forEach((name, p) -> {
            assertEquals(!name.equals("conv.weight"), p.trainable(), name);
            assertArrayEquals(new float[p.size()], p.grad().toArray(), name);
        });
    }

    @Test
    void classOutsideTheModelIsRefusedNamingTheCount() {
        Shape s = Shape.of(1, 4);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Saliency.gradient(new Scorer(Nets.linear(s, 3, 1), null, 1, 4), Nets.random(s, 1), 3));
        assertTrue(e.getMessage().contains("3 classes"), e.getMessage());
    }
}
