package org.convkit.api.nn;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Weight initialisation from a seed, deterministic: the same seed, scheme and parameter list give the
 * same weights, on any machine and JVM.
 *
 * <p>Which parameters: names ending {@code .weight} with rank &ge; 2 (convolution
 * {@code [out, in/groups, k...]}, transposed convolution {@code [in, out/groups, k...]}, linear
 * {@code [out, in]}) are drawn from the scheme; a name ending {@code .bias} whose layer has such a
 * weight is set to zero, or drawn from {@code U(-1/sqrt(fan_in), 1/sqrt(fan_in))} under
 * {@link Scheme#PYTORCH_DEFAULT}. Everything else, in particular batch norm's 1-d weight (scale, 1)
 * and bias (shift, 0), is left as it is.
 *
 * <p>Fans follow torch's {@code _calculate_fan_in_and_fan_out}: with receptive field
 * {@code r = prod(shape[2:])}, {@code fan_in = shape[1] * r} and {@code fan_out = shape[0] * r}. For a
 * transposed convolution this is torch's choice too ({@code fan_in = (out/groups) * prod(k)}).
 *
 * <p>Random numbers: one {@link SplittableRandom}{@code (seed)} is drawn from for the parameters in
 * the model's order, elements in row-major order. A uniform {@code U(-b, b)} element is
 * {@code (float) (b * (2u - 1))} with {@code u = nextDouble()}; a normal {@code N(0, s^2)} element uses
 * one Box-Muller pair per element, {@code s * sqrt(-2 ln(1 - u1)) * cos(2 pi u2)}. The sequence is not
 * torch's (the distributions are).
 */
public final class Init {

    /** An initialisation scheme for weights of rank &ge; 2. */
    public enum Scheme {
        /** He et al. 2015 (ICCV), fan_in, ReLU gain: {@code N(0, 2 / fan_in)}; biases zero. */
        KAIMING_NORMAL,
        /** He et al. 2015, fan_in, ReLU gain: {@code U(-b, b)}, {@code b = sqrt(6 / fan_in)}; biases zero. */
        KAIMING_UNIFORM,
        /**
         * Glorot &amp; Bengio 2010 (AISTATS): {@code U(-b, b)}, {@code b = sqrt(6 / (fan_in + fan_out))};
         * biases zero.
         */
        XAVIER_UNIFORM,
        /** Glorot &amp; Bengio 2010: {@code N(0, 2 / (fan_in + fan_out))}; biases zero. */
        XAVIER_NORMAL,
        /**
         * PyTorch's default for {@code Conv*} and {@code Linear}: {@code kaiming_uniform_(a = sqrt(5))},
         * i.e. {@code U(-1/sqrt(fan_in), 1/sqrt(fan_in))}, and the bias from the same bound.
         */
        PYTORCH_DEFAULT
    }

    private Init() {
    }

    /** Initialises {@code model.parameters()} in place (see the class comment). */
    public static void initialise(Model model, long seed, Scheme scheme) {
        initialise(model.parameters(), seed, scheme);
    }

    /** Initialises qualified parameters ({@code layer.weight}, {@code layer.bias}) in place, in map order. */
    public static void initialise(Map<String, Parameter> params, long seed, Scheme scheme) {
        SplittableRandom random = new SplittableRandom(seed);
        for (var e : params.entrySet()) {
            String name = e.getKey();
            Parameter p = e.getValue();
            if (name.endsWith(".weight") && p.shape().rank() >= 2 && p.size() > 0) {
                fillWeight(p, scheme, random);
            } else if (name.endsWith(".bias")) {
                Parameter w = params.get(name.substring(0, name.length() - "bias".length()) + "weight");
                if (w != null && w.shape().rank() >= 2 && w.size() > 0) {
                    if (scheme == Scheme.PYTORCH_DEFAULT) {
                        fillUniform(p, 1 / Math.sqrt(fanIn(w)), random);
                    } else {
                        Arrays.fill(p.value().data(), 0f);
                    }
                }
            }
        }
    }

    /** {@code shape[1] * prod(shape[2:])}, as torch computes it. */
    static int fanIn(Parameter weight) {
        return weight.size() / weight.shape().dim(0);
    }

    /** {@code shape[0] * prod(shape[2:])}, as torch computes it. */
    static int fanOut(Parameter weight) {
        return weight.size() / weight.shape().dim(1);
    }

    private static void fillWeight(Parameter w, Scheme scheme, SplittableRandom random) {
        double fanIn = fanIn(w);
        double fanOut = fanOut(w);
        switch (scheme) {
            case KAIMING_NORMAL -> fillNormal(w, Math.sqrt(2 / fanIn), random);
            case KAIMING_UNIFORM -> fillUniform(w, Math.sqrt(6 / fanIn), random);
            case XAVIER_UNIFORM -> fillUniform(w, Math.sqrt(6 / (fanIn + fanOut)), random);
            case XAVIER_NORMAL -> fillNormal(w, Math.sqrt(2 / (fanIn + fanOut)), random);
            default -> fillUniform(w, 1 / Math.sqrt(fanIn), random);
        }
    }

    private static void fillUniform(Parameter p, double bound, SplittableRandom random) {
        float[] d = p.value().data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (bound * (2 * random.nextDouble() - 1));
        }
    }

    private static void fillNormal(Parameter p, double std, SplittableRandom random) {
        float[] d = p.value().data();
        for (int i = 0; i < d.length; i++) {
            double u1 = random.nextDouble();
            double u2 = random.nextDouble();
            d[i] = (float) (std * Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2));
        }
    }
}
