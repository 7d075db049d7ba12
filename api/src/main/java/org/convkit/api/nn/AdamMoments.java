package org.convkit.api.nn;

import java.util.Arrays;
import java.util.List;

/**
 * The moment estimates and per-parameter step counts shared by {@link Adam} and {@link AdamW}, and
 * their update in torch 1.13's order ({@code _single_tensor_adam}), in float32 with the bias
 * corrections in double:
 * <pre>  m = beta1 * m + (1 - beta1) * g
 *   v = beta2 * v + (1 - beta2) * g * g
 *   p = p - (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)</pre>
 * where {@code t} counts this parameter's updates (a parameter frozen for a while starts at t = 1
 * when it is first updated, as torch's per-parameter {@code state['step']}). The count is stored as
 * the slot {@code step} = {@code [t / 2^24, t mod 2^24]}, two floats that hold integers exactly.
 */
final class AdamMoments {
    static final List<String> SLOTS = List.of("exp_avg", "exp_avg_sq", "step");
    private static final long SPLIT = 1L << 24;

    private final float[][] m;
    private final float[][] v;
    private final float[][] count;

    AdamMoments(int params) {
        m = new float[params][];
        v = new float[params][];
        count = new float[params][];
    }

    /** One update of {@code w} from the gradient {@code g + l2 * w} (torch's Adam weight decay; 0 for AdamW). */
    void update(int index, float[] w, float[] g, double l2, double lr, double beta1, double beta2, double eps) {
        // a checkpoint may hold only some slots: missing ones start at zero
        m[index] = m[index] == null ? new float[w.length] : m[index];
        v[index] = v[index] == null ? new float[w.length] : v[index];
        count[index] = count[index] == null ? new float[2] : count[index];
        long t = (long) count[index][0] * SPLIT + (long) count[index][1] + 1;
        count[index][0] = t / SPLIT;
        count[index][1] = t % SPLIT;
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        float stepSize = (float) -(lr / bc1);
        float bc2Sqrt = (float) Math.sqrt(bc2);
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float a1 = (float) (1 - beta1);
        float a2 = (float) (1 - beta2);
        float e = (float) eps;
        float decay = (float) l2;
        float[] mi = m[index];
        float[] vi = v[index];
        for (int i = 0; i < w.length; i++) {
            float gi = l2 == 0 ? g[i] : g[i] + decay * w[i];
            mi[i] = mi[i] * b1 + a1 * gi;
            vi[i] = vi[i] * b2 + a2 * (gi * gi);
            float denom = (float) Math.sqrt(vi[i]) / bc2Sqrt + e;
            w[i] = w[i] + stepSize * (mi[i] / denom);
        }
    }

    float[] slot(int index, String name) {
        return switch (name) {
            case "exp_avg" -> m[index];
            case "exp_avg_sq" -> v[index];
            default -> count[index];
        };
    }

    void setSlot(int index, String name, float[] value) {
        switch (name) {
            case "exp_avg" -> m[index] = value;
            case "exp_avg_sq" -> v[index] = value;
            default -> count[index] = value;
        }
    }

    /** Rejects a restored step count that is not two non-negative integers below 2^24. */
    static void check(String name, float[] value) {
        if (name.equals("step")) {
            for (float c : value) {
                if (!(c >= 0 && c < SPLIT) || c != Math.rint(c)) {
                    throw new IllegalArgumentException("Adam step count slot must hold integers in [0, 2^24), got "
                            + Arrays.toString(value));
                }
            }
        }
    }

    static int slotSize(String name, int paramSize) {
        return name.equals("step") ? 2 : paramSize;
    }
}
