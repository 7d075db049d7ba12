package org.convkit.api.nn.arch;

import org.convkit.api.nn.BatchNormSpec;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.ConvTransposeLayerSpec;
import org.convkit.api.nn.GraphSpec;
import org.convkit.api.nn.LayerSpec;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.ModelSpec;
import org.convkit.api.nn.NamedLayer;
import org.convkit.api.nn.SequentialSpec;

/**
 * Trainable parameter counts computed from specs, without building the layers; they equal the
 * sizes of {@link org.convkit.api.nn.Layer#parameters()} and PyTorch's
 * {@code sum(p.numel() for p in m.parameters())} (batch norm counts gamma and beta, not its
 * running statistics).
 */
public final class ParameterCount {
    private ParameterCount() {
    }

    /** The trainable parameters of one layer. */
    public static long of(LayerSpec spec) {
        if (spec instanceof ConvLayerSpec c) {
            return (long) c.outChannels() * (c.inChannels() / c.groups()) * volume(c.kernel())
                    + (c.bias() ? c.outChannels() : 0);
        } else if (spec instanceof ConvTransposeLayerSpec t) {
            return (long) t.inChannels() * (t.outChannels() / t.groups()) * volume(t.kernel())
                    + (t.bias() ? t.outChannels() : 0);
        } else if (spec instanceof LinearSpec l) {
            return (long) l.inFeatures() * l.outFeatures() + (l.bias() ? l.outFeatures() : 0);
        } else if (spec instanceof BatchNormSpec b) {
            return 2L * b.channels();
        }
        return 0;
    }

    /** The trainable parameters of a whole model. */
    public static long of(ModelSpec spec) {
        long n = 0;
        if (spec instanceof SequentialSpec s) {
            for (NamedLayer l : s.layers()) {
                n += of(l.spec());
            }
        } else {
            for (GraphSpec.Node node : ((GraphSpec) spec).nodes()) {
                n += node.layer() == null ? 0 : of(node.layer());
            }
        }
        return n;
    }

    private static long volume(int[] kernel) {
        long v = 1;
        for (int k : kernel) {
            v *= k;
        }
        return v;
    }
}
