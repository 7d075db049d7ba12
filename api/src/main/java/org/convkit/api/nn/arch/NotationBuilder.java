package org.convkit.api.nn.arch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convkit.api.nn.BatchNormSpec;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.DropoutSpec;
import org.convkit.api.nn.FlattenSpec;
import org.convkit.api.nn.GlobalAvgPoolSpec;
import org.convkit.api.nn.LayerSpec;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.PoolLayerSpec;
import org.convkit.api.nn.ReluSpec;
import org.convkit.api.nn.SequentialSpec;

/** Expands parsed notation into layers and fills in the defaults {@link Notation} documents. */
final class NotationBuilder {
    /** The most layers a notation may expand to: more is a typing mistake in a repeat count. */
    static final int MAX_LAYERS = 10_000;
    static final int FIRST_FILTERS = 32;
    static final int KERNEL = 3;
    static final int POOL = 2;
    static final double DROPOUT = 0.5;

    /** One layer letter after the repeats are expanded. */
    record Step(char letter, Params params, int position) {
    }

    private final String notation;
    private final int rank;
    private int[] shape;
    private Integer lastFilters;
    private boolean pooled;
    private final List<LayerSpec> specs = new ArrayList<>();

    private NotationBuilder(String notation, int[] input) {
        this.notation = notation;
        this.rank = input.length - 1;
        this.shape = input.clone();
    }

    static SequentialSpec build(String notation, List<Term> items, int[] input, int classes) {
        List<Step> steps = new ArrayList<>();
        expand(notation, items, steps);
        NotationBuilder b = new NotationBuilder(notation, input);
        int flattenAt = flattenPosition(steps);
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (i == flattenAt && b.shape.length > 1) {
                b.add(new FlattenSpec(), s);
            }
            b.add(b.spec(s, i == steps.size() - 1, classes), s);
        }
        return SequentialSpec.of(b.specs.toArray(LayerSpec[]::new));
    }

    /**
     * Where the automatic flatten goes: before the first F, ahead of the D letters directly in front
     * of it (dropout acts elementwise, so the order only changes the shapes printed; it matches
     * torchvision's AlexNet, {@code Flatten, Dropout, Linear}); -1 without F.
     */
    static int flattenPosition(List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).letter() == 'F') {
                int j = i;
                while (j > 0 && steps.get(j - 1).letter() == 'D') {
                    j--;
                }
                return j;
            }
        }
        return -1;
    }

    static void expand(String notation, List<Term> items, List<Step> out) {
        for (Term t : items) {
            for (int r = 0; r < t.count(); r++) {
                if (t instanceof Term.Letter l) {
                    out.add(new Step(l.letter(), l.params(), l.position()));
                } else {
                    expand(notation, ((Term.Group) t).items(), out);
                }
                if (out.size() > MAX_LAYERS) {
                    throw new NotationException(notation, t.position(), "expands to more than " + MAX_LAYERS + " layers");
                }
            }
        }
    }

    private LayerSpec spec(Step s, boolean last, int classes) {
        Params p = s.params();
        try {
            switch (s.letter()) {
                case 'C' -> {
                    spatial(s);
                    int filters = p.filters() != null ? p.filters()
                            : lastFilters == null ? FIRST_FILTERS : Math.multiplyExact(lastFilters, pooled ? 2 : 1);
                    lastFilters = filters;
                    pooled = false;
                    return new ConvLayerSpec(rank, shape[0], filters, new int[] {or(p.kernel(), KERNEL)},
                            new int[] {or(p.stride(), 1)}, p.padding() != null ? p.padding() : Padding.same(),
                            new int[] {or(p.dilation(), 1)}, or(p.groups(), 1), p.bias());
                }
                case 'P', 'A' -> {
                    spatial(s);
                    pooled = true;
                    int k = or(p.kernel(), POOL);
                    return new PoolLayerSpec(s.letter() == 'P' ? PoolLayerSpec.Kind.MAX : PoolLayerSpec.Kind.AVG, rank,
                            new int[] {k}, new int[] {or(p.stride(), k)},
                            new int[] {p.padding() != null ? p.padding().amount(0, rank) : 0});
                }
                case 'G' -> {
                    spatial(s);
                    return new GlobalAvgPoolSpec();
                }
                case 'F' -> {
                    if (p.units() == null && !last) {
                        throw new NotationException(notation, s.position(),
                                "F needs a size unless it is the last layer, e.g. F[128]");
                    }
                    return new LinearSpec(shape[0], p.units() != null ? p.units() : classes, p.bias());
                }
                case 'B' -> {
                    return BatchNormSpec.of(shape[0]);
                }
                case 'D' -> {
                    return new DropoutSpec(p.rate() != null ? p.rate() : DROPOUT);
                }
                case 'R' -> {
                    return new ReluSpec(p.rate() != null ? p.rate().floatValue() : 0f);
                }
                default -> throw new IllegalStateException("unknown letter " + s.letter());
            }
        } catch (ArithmeticException e) {
            throw new NotationException(notation, s.position(), s.letter() + ": too many filters");
        } catch (NotationException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new NotationException(notation, s.position(), s.letter() + ": " + e.getMessage());
        }
    }

    private void add(LayerSpec spec, Step s) {
        try {
            shape = ShapeInference.outputShape(spec, shape);
        } catch (IllegalArgumentException e) {
            throw new NotationException(notation, s.position(), s.letter() + " (" + spec.type() + (specs.size() + 1)
                    + "): " + e.getMessage());
        }
        specs.add(spec);
    }

    private void spatial(Step s) {
        if (shape.length < 2) {
            throw new NotationException(notation, s.position(), s.letter()
                    + " needs a feature map [channels, sizes...], but the input here is flat " + Arrays.toString(shape));
        }
    }

    private static int or(Integer v, int fallback) {
        return v != null ? v : fallback;
    }
}
