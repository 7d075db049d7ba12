package org.convkit.api.nn.train;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.Layer;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.Loss;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.ModelSpec;
import org.convkit.api.nn.Optimizer;
import org.convkit.api.nn.Parameter;
import org.convkit.api.nn.Pass;
import org.convkit.api.nn.SequentialSpec;

/**
 * Small stand-ins for the engine's layers, loss and optimisers, so the training loop is tested on
 * its own: a linear classifier with seed-driven input dropout, softmax cross-entropy and plain SGD.
 */
final class TrainingFixtures {
    private TrainingFixtures() {
    }

    /** Gaussian blobs: class c centred at +-2 on feature c mod f. Features [n, 1, f]. */
    static Dataset blobs(int n, int features, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * features];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
            for (int j = 0; j < features; j++) {
                x[i * features + j] = (float) (r.nextGaussian() * 0.7);
            }
            x[i * features + y[i] % features] += y[i] < features ? 2f : -2f;
        }
        return new Dataset(FloatNd.of(Shape.of(n, 1, features), x), y, Dataset.indexNames(classes));
    }

    /** {@code y = dropout(x) W^T + b} with input dropout drawn from the pass seed in training. */
    static final class LinearModel implements Model {
        final Parameter weight;
        final Parameter bias;
        final Parameter buffer;
        private final int in;
        private final int out;
        private final float dropout;
        private FloatNd lastX;

        LinearModel(int in, int out, float dropout, long initSeed) {
            this.in = in;
            this.out = out;
            this.dropout = dropout;
            weight = new Parameter("weight", Shape.of(out, in));
            bias = new Parameter("bias", Shape.of(out));
            buffer = new Parameter("seen", Shape.of(1));
            SplittableRandom r = new SplittableRandom(initSeed);
            for (int i = 0; i < weight.size(); i++) {
                weight.value().data()[i] = (float) (r.nextGaussian() * 0.1);
            }
        }

        @Override
        public ModelSpec spec() {
            return SequentialSpec.of(new LinearSpec(in, out, true));
        }

        @Override
        public FloatNd forward(FloatNd x, Pass pass) {
            int n = x.shape().dim(0);
            float[] xs = x.toArray();
            if (pass.training()) {
                SplittableRandom r = new SplittableRandom(pass.seed());
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = r.nextDouble() < dropout ? 0f : xs[i] / (1 - dropout);
                }
                buffer.value().data()[0] += n;
                lastX = FloatNd.of(Shape.of(n, in), xs);
            }
            float[] y = new float[n * out];
            float[] w = weight.value().data();
            for (int i = 0; i < n; i++) {
                for (int o = 0; o < out; o++) {
                    float s = bias.value().data()[o];
                    for (int k = 0; k < in; k++) {
                        s += xs[i * in + k] * w[o * in + k];
                    }
                    y[i * out + o] = s;
                }
            }
            return FloatNd.of(Shape.of(n, out), y);
        }

        @Override
        public FloatNd backward(FloatNd gy) {
            int n = gy.shape().dim(0);
            float[] g = gy.toArray();
            float[] x = lastX.data();
            for (int i = 0; i < n; i++) {
                for (int o = 0; o < out; o++) {
                    bias.grad().data()[o] += g[i * out + o];
                    for (int k = 0; k < in; k++) {
                        weight.grad().data()[o * in + k] += g[i * out + o] * x[i * in + k];
                    }
                }
            }
            return FloatNd.zeros(lastX.shape());
        }

        @Override
        public Shape outputShape(Shape input) {
            return Shape.of(input.dim(0), out);
        }

        @Override
        public List<String> layerNames() {
            return List.of("linear1");
        }

        @Override
        public Layer layer(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FloatNd activation(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Parameter> parameters() {
            return Map.of("linear1.weight", weight, "linear1.bias", bias).entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                            java.util.LinkedHashMap::new));
        }

        @Override
        public Map<String, Parameter> buffers() {
            return Map.of("linear1.seen", buffer);
        }
    }

    /** Mean softmax cross-entropy over [n, C] logits, targets [n] class indices as floats. */
    static class SoftmaxCe implements Loss {
        private float[] grad;
        private Shape shape;

        @Override
        public float forward(FloatNd output, FloatNd target) {
            int n = output.shape().dim(0);
            int c = output.shape().dim(1);
            float[] z = output.toArray();
            grad = new float[z.length];
            shape = output.shape();
            double total = 0;
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < c; k++) {
                    max = Math.max(max, z[i * c + k]);
                }
                double sum = 0;
                for (int k = 0; k < c; k++) {
                    sum += Math.exp(z[i * c + k] - max);
                }
                int t = (int) target.data()[target.offset() + i];
                total += max + Math.log(sum) - z[i * c + t];
                for (int k = 0; k < c; k++) {
                    grad[i * c + k] = (float) ((Math.exp(z[i * c + k] - max) / sum - (k == t ? 1 : 0)) / n);
                }
            }
            return (float) (total / n);
        }

        @Override
        public FloatNd backward() {
            return FloatNd.of(shape, grad.clone());
        }
    }

    /** Plain SGD {@code w -= lr * g}, no state. */
    static final class PlainSgd extends Optimizer {
        PlainSgd(List<Parameter> params, double lr) {
            super(params, lr);
        }

        @Override
        protected void update(int index, Parameter p, long step) {
            float[] w = p.value().data();
            float[] g = p.grad().data();
            for (int i = 0; i < w.length; i++) {
                w[i] -= (float) learningRate() * g[i];
            }
        }

        @Override
        protected List<String> slotNames() {
            return List.of();
        }

        @Override
        protected float[] slot(int index, String name) {
            throw new IllegalArgumentException("no slot " + name);
        }

        @Override
        protected void setSlot(int index, String name, float[] value) {
            throw new IllegalArgumentException("no slot " + name);
        }
    }

    /** Sets the first value of every trainable parameter to {@code script[step - 1]}, ignoring gradients. */
    static final class ScriptedOptimizer extends Optimizer {
        private final double[] script;

        ScriptedOptimizer(List<Parameter> params, double... script) {
            super(params, 1);
            this.script = script;
        }

        @Override
        protected void update(int index, Parameter p, long step) {
            p.value().data()[0] = (float) script[(int) step - 1];
        }

        @Override
        protected List<String> slotNames() {
            return List.of();
        }

        @Override
        protected float[] slot(int index, String name) {
            throw new IllegalArgumentException("no slot " + name);
        }

        @Override
        protected void setSlot(int index, String name, float[] value) {
            throw new IllegalArgumentException("no slot " + name);
        }
    }

    /** Every parameter and buffer value of a model, concatenated in order. */
    static float[] weights(Model m) {
        var all = new java.util.ArrayList<Parameter>(m.parameters().values());
        all.addAll(m.buffers().values());
        int n = all.stream().mapToInt(Parameter::size).sum();
        float[] out = new float[n];
        int pos = 0;
        for (Parameter p : all) {
            System.arraycopy(p.value().data(), 0, out, pos, p.size());
            pos += p.size();
        }
        return out;
    }
}
