package org.convkit.domains.video;

/**
 * ITU-R BT.601 conversion between 8-bit Y'CbCr and R'G'B' in {@code [0, 1]}, with
 * {@code Kr = 0.299}, {@code Kb = 0.114}, {@code Kg = 1 - Kr - Kb}:
 * {@code R = y + 2 (1 - Kr) pr}, {@code B = y + 2 (1 - Kb) pb}, {@code G = (y - Kr R - Kb B) / Kg}, where
 * for limited ("TV", "MPEG") range {@code y = (Y - 16) / 219}, {@code pb = (Cb - 128) / 224},
 * {@code pr = (Cr - 128) / 224}, and for full ("JPEG", "PC") range {@code y = Y / 255},
 * {@code pb = (Cb - 128) / 255}, {@code pr = (Cr - 128) / 255}. Decoding does not clip: a code
 * triple outside the RGB cube gives values slightly outside {@code [0, 1]}, so that encoding what was
 * decoded gives back the same codes. Encoding rounds to the nearest code and clamps to {@code [0, 255]}.
 *
 * @param full whether the codes use the full range
 */
record Bt601(boolean full) {

    static final double KR = 0.299;
    static final double KB = 0.114;
    static final double KG = 1 - KR - KB;

    private double lumaScale() {
        return full ? 255 : 219;
    }

    private double lumaOffset() {
        return full ? 0 : 16;
    }

    private double chromaScale() {
        return full ? 255 : 224;
    }

    /** The luma code {@code Y} as {@code y} in [0, 1] (the grey level of a monochrome picture). */
    double luma(int code) {
        return (code - lumaOffset()) / lumaScale();
    }

    /** Writes R, G, B of the codes {@code (yc, cb, cr)} into {@code rgb}. */
    void toRgb(int yc, int cb, int cr, double[] rgb) {
        double y = luma(yc);
        double pb = (cb - 128) / chromaScale();
        double pr = (cr - 128) / chromaScale();
        double r = y + 2 * (1 - KR) * pr;
        double b = y + 2 * (1 - KB) * pb;
        rgb[0] = r;
        rgb[1] = (y - KR * r - KB * b) / KG;
        rgb[2] = b;
    }

    /** The luma code of {@code (r, g, b)}. */
    int lumaCode(double r, double g, double b) {
        return code(lumaOffset() + lumaScale() * (KR * r + KG * g + KB * b));
    }

    /** The luma code of a grey level. */
    int lumaCode(double grey) {
        return code(lumaOffset() + lumaScale() * grey);
    }

    /** The Cb code of {@code (r, g, b)} before rounding (chroma is averaged before it is rounded). */
    double cb(double r, double g, double b) {
        double y = KR * r + KG * g + KB * b;
        return 128 + chromaScale() * (b - y) / (2 * (1 - KB));
    }

    /** The Cr code of {@code (r, g, b)} before rounding. */
    double cr(double r, double g, double b) {
        double y = KR * r + KG * g + KB * b;
        return 128 + chromaScale() * (r - y) / (2 * (1 - KR));
    }

    /** {@code v} rounded to the nearest code in [0, 255]. */
    static int code(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
