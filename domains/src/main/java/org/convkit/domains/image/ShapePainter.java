package org.convkit.domains.image;

/**
 * Draws filled shapes into planar images {@code [C, H, W]} for the synthetic data of the image and
 * video domains. Pixel {@code (x, y)} covers {@code [x, x + 1) x [y, y + 1)}; its coverage is the
 * share of a 4 x 4 grid of points inside the shape, and the colour is blended by it (soft edges).
 */
public final class ShapePainter {

    /** The shapes, each fitting a box of half-size {@code r} around its centre. */
    public enum Kind {
        /** A disc of radius r. */
        CIRCLE,
        /** An axis-aligned square of half-side 0.85 r (about the disc's area). */
        SQUARE,
        /** A triangle pointing up: apex r above the centre, base 0.7 r below it, 2 r wide. */
        TRIANGLE,
        /** A plus sign: two bars 2 r long and 0.6 r thick. */
        CROSS
    }

    private static final int GRID = 4;

    private ShapePainter() {
    }

    /** Whether point {@code (dx, dy)} from the centre lies in shape {@code kind} of size {@code r}. */
    static boolean inside(Kind kind, double dx, double dy, double r) {
        switch (kind) {
            case CIRCLE:
                return dx * dx + dy * dy <= r * r;
            case SQUARE:
                return Math.abs(dx) <= 0.85 * r && Math.abs(dy) <= 0.85 * r;
            case TRIANGLE:
                return dy >= -r && dy <= 0.7 * r && Math.abs(dx) <= (dy + r) / 1.7;
            case CROSS:
                return (Math.abs(dx) <= r && Math.abs(dy) <= 0.3 * r) || (Math.abs(dy) <= r && Math.abs(dx) <= 0.3 * r);
            default:
                throw new IllegalArgumentException(kind.toString());
        }
    }

    /**
     * Blends {@code colour} (one value per channel) into {@code image} {@code [C, H, W]} starting at
     * {@code offset}, weighted by each pixel's coverage of the shape centred at {@code (cx, cy)}.
     */
    public static void paint(float[] image, int offset, int h, int w, Kind kind, double cx, double cy, double r,
            float[] colour) {
        int plane = h * w;
        int x0 = Math.max(0, (int) Math.floor(cx - r - 1));
        int x1 = Math.min(w - 1, (int) Math.ceil(cx + r + 1));
        int y0 = Math.max(0, (int) Math.floor(cy - r - 1));
        int y1 = Math.min(h - 1, (int) Math.ceil(cy + r + 1));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int hits = 0;
                for (int sy = 0; sy < GRID; sy++) {
                    for (int sx = 0; sx < GRID; sx++) {
                        double px = x + (sx + 0.5) / GRID;
                        double py = y + (sy + 0.5) / GRID;
                        hits += inside(kind, px - cx, py - cy, r) ? 1 : 0;
                    }
                }
                if (hits == 0) {
                    continue;
                }
                float a = hits / (float) (GRID * GRID);
                for (int c = 0; c < colour.length; c++) {
                    int at = offset + c * plane + y * w + x;
                    image[at] = (1 - a) * image[at] + a * colour[c];
                }
            }
        }
    }
}
