package org.convkit.domains.ct;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A CT intensity window: Hounsfield units {@code [centre - width/2, centre + width/2]} mapped
 * linearly onto {@code [0, 1]}, values outside clipped: {@code clamp((v - centre + width/2) / width, 0, 1)}.
 * (DICOM's VOI LUT uses {@code centre - 0.5} and {@code width - 1} for integer pixels; the plain
 * linear form is used here since the values are real numbers.)
 *
 * @param centre the window's centre (level), HU
 * @param width  its width, HU, positive
 */
public record CtWindow(double centre, double width) {

    /** Soft tissue, 40/400: abdomen and body. */
    public static final CtWindow SOFT_TISSUE = new CtWindow(40, 400);
    /** Lung, -600/1500. */
    public static final CtWindow LUNG = new CtWindow(-600, 1500);
    /** Bone, 400/1800. */
    public static final CtWindow BONE = new CtWindow(400, 1800);
    /** Brain, 40/80. */
    public static final CtWindow BRAIN = new CtWindow(40, 80);

    private static final Map<String, CtWindow> PRESETS = presets();

    public CtWindow {
        if (!Double.isFinite(centre)) {
            throw new IllegalArgumentException("window centre must be finite, got " + centre);
        }
        if (!(width > 0) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("window width must be positive and finite, got " + width);
        }
    }

    private static Map<String, CtWindow> presets() {
        Map<String, CtWindow> m = new LinkedHashMap<>();
        m.put("soft-tissue", SOFT_TISSUE);
        m.put("lung", LUNG);
        m.put("bone", BONE);
        m.put("brain", BRAIN);
        return m;
    }

    /** The preset names, in a fixed order: {@code soft-tissue, lung, bone, brain}. */
    public static java.util.List<String> presetNames() {
        return java.util.List.copyOf(PRESETS.keySet());
    }

    /**
     * A preset by name (case-insensitive), or {@code "centre/width"} such as {@code "-600/1500"}.
     *
     * @throws IllegalArgumentException naming the presets when the name is neither
     */
    public static CtWindow parse(String spec) {
        CtWindow w = PRESETS.get(spec.strip().toLowerCase(Locale.ROOT));
        if (w != null) {
            return w;
        }
        int slash = spec.indexOf('/', 1);
        if (slash > 0) {
            try {
                return new CtWindow(Double.parseDouble(spec.substring(0, slash).strip()),
                        Double.parseDouble(spec.substring(slash + 1).strip()));
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("window '" + spec + "' is neither a preset " + presetNames()
                + " nor 'centre/width'");
    }

    /** The lowest HU mapped above 0. */
    public double lower() {
        return centre - width / 2;
    }

    /** The windowed value of {@code hu}, in {@code [0, 1]}; NaN stays NaN. */
    public double apply(double hu) {
        double v = (hu - lower()) / width;
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    /** Windows {@code values} in place. */
    public void applyInPlace(float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) apply(values[i]);
        }
    }
}
