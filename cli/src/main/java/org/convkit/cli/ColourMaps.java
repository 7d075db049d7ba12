package org.convkit.cli;

/**
 * The two colour maps of {@link Pictures}: viridis for magnitudes (perceptually uniform, readable in
 * grey and by colour-blind readers; matplotlib's, sampled at 9 points and interpolated) and a
 * blue-white-red diverging map for signed values (white at zero).
 */
final class ColourMaps {
    private static final int[][] VIRIDIS = {
        {68, 1, 84}, {71, 44, 122}, {59, 81, 139}, {44, 113, 142}, {33, 144, 141},
        {39, 173, 129}, {92, 200, 99}, {170, 220, 50}, {253, 231, 37}};
    private static final int[][] DIVERGING = {{33, 102, 172}, {247, 247, 247}, {178, 24, 43}};

    private ColourMaps() {
    }

    /** Viridis at {@code t} in {@code [0, 1]} (clamped; NaN is black), as 0xRRGGBB. */
    static int viridis(double t) {
        return lookup(VIRIDIS, t);
    }

    /** Blue (-1) through white (0) to red (+1) at {@code t} in {@code [-1, 1]} (clamped), as 0xRRGGBB. */
    static int diverging(double t) {
        return lookup(DIVERGING, (t + 1) / 2);
    }

    /** {@code a (1 - alpha) + b alpha} per channel, for overlays. */
    static int blend(int a, int b, double alpha) {
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double v = ((a >> shift) & 255) * (1 - alpha) + ((b >> shift) & 255) * alpha;
            rgb |= (int) Math.round(v) << shift;
        }
        return rgb;
    }

    static int grey(double t) {
        int g = (int) Math.round(255 * Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)));
        return g << 16 | g << 8 | g;
    }

    private static int lookup(int[][] table, double t) {
        if (Double.isNaN(t)) {
            return 0;
        }
        double u = Math.max(0, Math.min(1, t)) * (table.length - 1);
        int i = Math.min(table.length - 2, (int) u);
        double f = u - i;
        int rgb = 0;
        for (int k = 0; k < 3; k++) {
            int v = (int) Math.round(table[i][k] * (1 - f) + table[i + 1][k] * f);
            rgb = rgb << 8 | v;
        }
        return rgb;
    }
}
