package org.convkit.api.nn.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.GraphSpec;
import org.convkit.api.nn.Init;
import org.convkit.api.nn.LayerSpec;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.LoadedModel;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.ModelMetadata;
import org.convkit.api.nn.ModelSpec;
import org.convkit.api.nn.NamedLayer;
import org.convkit.api.nn.Parameter;
import org.convkit.api.nn.SequentialSpec;
import org.convkit.api.nn.train.Dataset;

/**
 * Prepares a trained model for a new task: freezes its first layers and gives it a new head.
 *
 * <p>Layer order is the forward order ({@link Model#layerNames()}: the spec's order for both
 * {@link SequentialSpec} and {@link GraphSpec}). The head is a linear layer (by default the last one)
 * or a convolution ({@code groups == 1}, e.g. a 1x1 classifier); its replacement has the same input
 * size and bias setting, {@code classes} outputs, and weights drawn by {@link Init} with
 * {@link Init.Scheme#PYTORCH_DEFAULT} from the seed (as a new {@code torch.nn.Linear} would get). Every
 * other parameter and buffer is copied bit for bit. Fine-tuning then trains the unfrozen parameters
 * only: the optimisers skip frozen ones, the layers skip their gradients, and
 * {@link Model#backwardParameters} does not visit a frozen first part of the network at all.
 */
public final class Transfer {

    private Transfer() {
    }

    /**
     * Freezes ({@link Parameter#setTrainable}{@code (false)}) every parameter of the layers from the
     * first up to and including {@code layer}; the others are left as they are.
     *
     * @return the qualified names of the frozen parameters, in model order
     * @throws IllegalArgumentException naming {@code layer} and listing the layers when it is absent
     */
    public static List<String> freezeUntil(Model model, String layer) {
        List<String> names = model.layerNames();
        int last = names.indexOf(layer);
        if (last < 0) {
            throw new IllegalArgumentException("no layer '" + layer + "' to freeze up to; layers are " + names);
        }
        List<String> frozen = new ArrayList<>();
        var prefixes = names.subList(0, last + 1).stream().map(n -> n + ".").toList();
        model.parameters().forEach((name, p) -> {
            if (prefixes.stream().anyMatch(name::startsWith)) {
                p.setTrainable(false);
                frozen.add(name);
            }
        });
        return frozen;
    }

    /** Makes every parameter of {@code model} trainable again. */
    public static void unfreezeAll(Model model) {
        model.parameters().values().forEach(p -> p.setTrainable(true));
    }

    /** The last linear layer in forward order: the default head. */
    public static String defaultHead(Model model) {
        List<String> names = model.layerNames();
        for (int i = names.size() - 1; i >= 0; i--) {
            if (isLayer(model, names.get(i)) && model.layer(names.get(i)).spec() instanceof LinearSpec) {
                return names.get(i);
            }
        }
        throw new IllegalArgumentException("the model has no linear layer to replace as the head; layers are " + names);
    }

    /**
     * A copy of {@code model} whose layer {@code head} (null for {@link #defaultHead}) produces
     * {@code classes} outputs, initialised from {@code seed}; every other parameter and buffer is
     * copied, and so is every parameter's trainable flag. The new head is trainable.
     */
    public static Model replaceHead(Model model, String head, int classes, long seed) {
        if (classes < 1) {
            throw new IllegalArgumentException("the new head needs at least 1 class, got " + classes);
        }
        String h = head == null ? defaultHead(model) : head;
        if (!model.layerNames().contains(h) || !isLayer(model, h)) {
            throw new IllegalArgumentException("no layer '" + h + "' to replace as the head; layers are "
                    + model.layerNames());
        }
        LayerSpec newHead = resized(h, model.layer(h).spec(), classes);
        Model out = Model.build(withLayer(model.spec(), h, newHead));
        String prefix = h + ".";
        copy(model.parameters(), out.parameters(), prefix);
        copy(model.buffers(), out.buffers(), prefix);
        Map<String, Parameter> headParams = new LinkedHashMap<>();
        out.parameters().forEach((name, p) -> {
            if (name.startsWith(prefix)) {
                headParams.put(name, p);
            }
        });
        Init.initialise(headParams, seed, Init.Scheme.PYTORCH_DEFAULT);
        return out;
    }

    /**
     * The whole preparation for fine-tuning (what {@code convkit train --from MODEL --freeze-until
     * LAYER} does): the default head replaced for {@code classes} classes (see
     * {@link #prepare(LoadedModel, String, String, List, long)}, the classes named {@code "0"} to
     * {@code "classes - 1"} unless their number is unchanged, when the old names are kept).
     */
    public static LoadedModel prepare(LoadedModel loaded, String freezeUntil, int classes, long seed) {
        List<String> old = loaded.metadata().classNames();
        List<String> names = old.size() == classes ? old : Dataset.indexNames(classes);
        return prepare(loaded, freezeUntil, null, names, seed);
    }

    /**
     * A model for fine-tuning: {@link #replaceHead} (head {@code head}, or the last linear layer when
     * null) for {@code classNames.size()} classes, then {@link #freezeUntil}{@code (freezeUntil)} unless
     * it is null; the metadata keeps the input shape, normalisation and preprocessing, with the new
     * class names. {@code loaded} itself is not modified.
     *
     * @throws IllegalArgumentException when a layer is absent, when freezing would freeze the new head,
     *                                  or when the new model does not fit the recorded input shape
     */
    public static LoadedModel prepare(LoadedModel loaded, String freezeUntil, String head, List<String> classNames,
            long seed) {
        Model model = loaded.model();
        String h = head == null ? defaultHead(model) : head;
        List<String> names = model.layerNames();
        if (!names.contains(h)) {
            throw new IllegalArgumentException("no layer '" + h + "' to replace as the head; layers are " + names);
        }
        if (freezeUntil != null) {
            if (!names.contains(freezeUntil)) {
                throw new IllegalArgumentException("no layer '" + freezeUntil + "' to freeze up to; layers are "
                        + names);
            }
            if (names.indexOf(freezeUntil) >= names.indexOf(h)) {
                throw new IllegalArgumentException("freezing up to '" + freezeUntil + "' would freeze the new head '"
                        + h + "'; freeze up to a layer before it: " + names.subList(0, Math.max(0, names.indexOf(h))));
            }
        }
        Model out = replaceHead(model, h, classNames.size(), seed);
        Transfer.unfreezeAll(out);
        ModelMetadata m = loaded.metadata();
        Shape input = Shape.of(m.inputShape()).prepend(1);
        try {
            out.outputShape(input);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("with the new head '" + h + "' the model no longer takes its input "
                    + input + ": " + e.getMessage(), e);
        }
        if (freezeUntil != null) {
            freezeUntil(out, freezeUntil);
        }
        ModelMetadata meta = new ModelMetadata(classNames, m.inputShape(), m.normalisation(), m.preprocessing(),
                m.provenance());
        return new LoadedModel(out, meta);
    }

    private static boolean isLayer(Model model, String name) {
        if (model.spec() instanceof GraphSpec g) {
            return g.nodes().stream().anyMatch(n -> n.name().equals(name) && n.kind() == GraphSpec.Node.Kind.LAYER);
        }
        return true;
    }

    private static LayerSpec resized(String name, LayerSpec spec, int classes) {
        if (spec instanceof LinearSpec l) {
            return new LinearSpec(l.inFeatures(), classes, l.bias());
        }
        if (spec instanceof ConvLayerSpec c && c.groups() == 1) {
            return new ConvLayerSpec(c.rank(), c.inChannels(), classes, c.kernel(), c.stride(), c.padding(),
                    c.dilation(), c.groups(), c.bias());
        }
        throw new IllegalArgumentException("layer '" + name + "' (" + spec + ") cannot be a head: use a linear layer"
                + " or an ungrouped convolution");
    }

    private static ModelSpec withLayer(ModelSpec spec, String name, LayerSpec layer) {
        if (spec instanceof SequentialSpec s) {
            List<NamedLayer> layers = new ArrayList<>();
            for (NamedLayer l : s.layers()) {
                layers.add(l.name().equals(name) ? new NamedLayer(name, layer) : l);
            }
            return new SequentialSpec(layers);
        }
        GraphSpec g = (GraphSpec) spec;
        List<GraphSpec.Node> nodes = new ArrayList<>();
        for (GraphSpec.Node n : g.nodes()) {
            nodes.add(n.name().equals(name) ? GraphSpec.Node.layer(name, layer, n.inputs().get(0)) : n);
        }
        return new GraphSpec(nodes, g.output());
    }

    /** Copies values and trainable flags of every tensor outside the layer {@code skip}. */
    private static void copy(Map<String, Parameter> from, Map<String, Parameter> to, String skip) {
        to.forEach((name, p) -> {
            if (!name.startsWith(skip)) {
                Parameter src = from.get(name);
                System.arraycopy(src.value().data(), 0, p.value().data(), 0, p.size());
                p.setTrainable(src.trainable());
            }
        });
    }
}
