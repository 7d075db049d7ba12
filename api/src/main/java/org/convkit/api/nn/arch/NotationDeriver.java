package org.convkit.api.nn.arch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.convkit.api.nn.BatchNormSpec;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.DropoutSpec;
import org.convkit.api.nn.FlattenSpec;
import org.convkit.api.nn.GlobalAvgPoolSpec;
import org.convkit.api.nn.LayerSpec;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.NamedLayer;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.PoolLayerSpec;
import org.convkit.api.nn.ReluSpec;
import org.convkit.api.nn.SequentialSpec;

/**
 * Writes a {@link SequentialSpec} in the notation when it can be: one token per layer (defaults
 * left out), repeats folded into counts, and the result checked by building it back.
 */
final class NotationDeriver {
    private NotationDeriver() {
    }

    static Optional<String> derive(SequentialSpec spec, int[] input) {
        List<LayerSpec> layers = spec.layers().stream().map(NamedLayer::spec).toList();
        List<String> candidates = new ArrayList<>();
        List<String> explicit = tokens(layers, false);
        List<String> elided = tokens(layers, true);
        if (explicit == null || explicit.isEmpty()) {
            return Optional.empty();
        }
        candidates.add(compress(explicit, 0, explicit.size()));
        candidates.add(compress(elided, 0, elided.size()));
        candidates.add(String.join("", elided));
        candidates.add(String.join("", explicit));
        // the shortest that builds back the same layers; on ties the stable sort keeps the order above,
        // preferring folded repeats with every filter count written
        return candidates.stream().sorted(Comparator.comparingInt(String::length))
                .filter(c -> buildsBack(c, input, layers)).findFirst();
    }

    private static boolean buildsBack(String notation, int[] input, List<LayerSpec> layers) {
        try {
            SequentialSpec built = Notation.parse(notation).build(input, 1);
            return built.layers().stream().map(NamedLayer::spec).toList().equals(layers);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** One token per layer (flatten layers left to the builder), or null when a layer has no letter. */
    private static List<String> tokens(List<LayerSpec> layers, boolean elideFilters) {
        List<String> out = new ArrayList<>();
        Integer lastFilters = null;
        boolean pooled = false;
        for (LayerSpec l : layers) {
            List<String> p = new ArrayList<>();
            String letter;
            if (l instanceof ConvLayerSpec c) {
                Integer k = uniform(c.kernel());
                Integer s = uniform(c.stride());
                Integer d = uniform(c.dilation());
                Padding pad = c.padding();
                Integer pa = pad.kind() == Padding.Kind.EXPLICIT ? uniform(pad.amounts()) : Integer.valueOf(0);
                if (k == null || s == null || d == null || pa == null) {
                    return null;
                }
                int defaultFilters = lastFilters == null ? NotationBuilder.FIRST_FILTERS : lastFilters * (pooled ? 2 : 1);
                boolean filters = !elideFilters || c.outChannels() != defaultFilters;
                if (filters) {
                    p.add(Integer.toString(c.outChannels()));
                }
                if (k != NotationBuilder.KERNEL) {
                    p.add((filters ? "" : "k") + k);
                }
                optional(p, "s", s, 1);
                if (pad.kind() == Padding.Kind.VALID) {
                    p.add("valid");
                } else if (pad.kind() == Padding.Kind.EXPLICIT) {
                    p.add("p" + pa);
                }
                optional(p, "d", d, 1);
                optional(p, "g", c.groups(), 1);
                letter = c.bias() ? "C" : add(p, "C", "nobias");
                lastFilters = c.outChannels();
                pooled = false;
            } else if (l instanceof PoolLayerSpec pl) {
                Integer k = uniform(pl.kernel());
                Integer s = uniform(pl.stride());
                Integer pa = uniform(pl.padding());
                if (k == null || s == null || pa == null) {
                    return null;
                }
                if (k != NotationBuilder.POOL || !s.equals(k)) {
                    p.add(Integer.toString(k));
                }
                if (!s.equals(k)) {
                    p.add(Integer.toString(s));
                }
                optional(p, "p", pa, 0);
                letter = pl.kind() == PoolLayerSpec.Kind.MAX ? "P" : "A";
                pooled = true;
            } else if (l instanceof LinearSpec f) {
                p.add(Integer.toString(f.outFeatures()));
                letter = f.bias() ? "F" : add(p, "F", "nobias");
            } else if (l instanceof ReluSpec r) {
                if (r.negativeSlope() != 0) {
                    p.add(new BigDecimal(Float.toString(r.negativeSlope())).stripTrailingZeros().toPlainString());
                }
                letter = "R";
            } else if (l instanceof DropoutSpec d) {
                if (d.p() != NotationBuilder.DROPOUT) {
                    p.add(ParamsReader.decimal(d.p()));
                }
                letter = "D";
            } else if (l instanceof BatchNormSpec b) {
                if (!b.equals(BatchNormSpec.of(b.channels()))) {
                    return null;
                }
                letter = "B";
            } else if (l instanceof GlobalAvgPoolSpec) {
                letter = "G";
            } else if (l instanceof FlattenSpec) {
                continue;
            } else {
                return null;
            }
            out.add(letter + (p.isEmpty() ? "" : "[" + String.join(",", p) + "]"));
        }
        return out;
    }

    private static String add(List<String> params, String letter, String flag) {
        params.add(flag);
        return letter;
    }

    private static void optional(List<String> params, String tag, int value, int fallback) {
        if (value != fallback) {
            params.add(tag + value);
        }
    }

    /** The value every axis shares, or null. */
    private static Integer uniform(int[] v) {
        for (int x : v) {
            if (x != v[0]) {
                return null;
            }
        }
        return v.length == 0 ? null : v[0];
    }

    /**
     * Folds consecutive repeats into counts, greedily from the left: at each position the unit
     * whose repeats cover the most tokens (the shorter unit on ties), its inside folded in turn.
     */
    static String compress(List<String> t, int from, int to) {
        StringBuilder b = new StringBuilder();
        int i = from;
        while (i < to) {
            int bestUnit = 1;
            int bestCount = 1;
            for (int unit = 1; i + 2 * unit <= to; unit++) {
                int count = 1;
                while (i + (count + 1) * unit <= to && t.subList(i, i + unit).equals(
                        t.subList(i + count * unit, i + (count + 1) * unit))) {
                    count++;
                }
                if (count > 1 && unit * count > bestUnit * bestCount) {
                    bestUnit = unit;
                    bestCount = count;
                }
            }
            String inner = bestUnit == 1 ? t.get(i) : "(" + compress(t, i, i + bestUnit) + ")";
            b.append(inner).append(bestCount > 1 ? Integer.toString(bestCount) : "");
            i += bestUnit * bestCount;
        }
        return b.toString();
    }
}
