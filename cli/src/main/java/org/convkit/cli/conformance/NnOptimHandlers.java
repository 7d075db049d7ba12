package org.convkit.cli.conformance;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.AdamConfig;
import org.convkit.api.nn.AdamWConfig;
import org.convkit.api.nn.OptimizerConfig;
import org.convkit.api.nn.Optimizer;
import org.convkit.api.nn.Parameter;
import org.convkit.api.nn.SgdConfig;
import org.convkit.api.nn.SoftmaxCrossEntropy;

/**
 * Handlers for the torch.optim cases ({@code sgd}, {@code sgd_momentum}, {@code sgd_nesterov},
 * {@code adam}, {@code adamw}: one parameter from {@code p0}, one step per row of {@code grads}) and
 * for {@code cross_entropy} (torch.nn.functional.cross_entropy, mean: loss, its gradient, softmax).
 */
final class NnOptimHandlers {

    private NnOptimHandlers() {
    }

    static void register(Map<String, OpHandler> m) {
        OpHandlers.put(m, "sgd", c -> steps(c, NnOptimHandlers::sgd));
        OpHandlers.put(m, "sgd_momentum", c -> steps(c, NnOptimHandlers::sgd));
        OpHandlers.put(m, "sgd_nesterov", c -> steps(c, NnOptimHandlers::sgd));
        OpHandlers.put(m, "adam", c -> steps(c, g -> new AdamConfig(g.param().number("lr"), beta(g, 0),
                beta(g, 1), g.param().number("eps"), g.param().number("weight_decay", 0))));
        OpHandlers.put(m, "adamw", c -> steps(c, g -> new AdamWConfig(g.param().number("lr"), beta(g, 0),
                beta(g, 1), g.param().number("eps"), g.param().number("weight_decay", 0.01))));
        OpHandlers.put(m, "cross_entropy", NnOptimHandlers::crossEntropy);
    }

    private static SgdConfig sgd(GoldenCase c) {
        boolean nesterov = c.params() != null && c.params().path("nesterov").asBoolean(false);
        return new SgdConfig(c.param().number("lr"), c.param().number("momentum", 0), nesterov,
                c.param().number("weight_decay", 0));
    }

    private static double beta(GoldenCase c, int i) {
        return c.param().perAxis("betas", 2)[i];
    }

    private static Map<String, GoldenArray> steps(GoldenCase c, Function<GoldenCase, OptimizerConfig> config) {
        FloatNd p0 = c.input("p0").toDoubleNd().toFloat();
        FloatNd grads = c.input("grads").toDoubleNd().toFloat();
        int n = p0.shape().size();
        if (grads.shape().rank() != 2 || grads.shape().dim(1) != n) {
            throw new IllegalArgumentException(c.name() + ": grads " + grads.shape() + " must be [steps, " + n + "]");
        }
        Parameter p = new Parameter("weight", FloatNd.of(p0.shape(), p0.toArray()));
        Optimizer opt = config.apply(c).build(List.of(p));
        for (int s = 0; s < grads.shape().dim(0); s++) {
            opt.zeroGrad();
            System.arraycopy(grads.data(), grads.offset() + s * n, p.grad().data(), 0, n);
            opt.step();
        }
        return Map.of("p", GoldenArray.of(p.value()));
    }

    private static Map<String, GoldenArray> crossEntropy(GoldenCase c) {
        FloatNd logits = c.input("logits").toDoubleNd().toFloat();
        FloatNd labels = c.input("labels").toDoubleNd().toFloat();
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        float value = loss.forward(logits, labels);
        return Map.of("loss", GoldenArray.of(FloatNd.of(Shape.of(1), value)),
                "glogits", GoldenArray.of(loss.backward()),
                "softmax", GoldenArray.of(SoftmaxCrossEntropy.softmax(logits)));
    }
}
