package org.convkit.domains.nifti;

/** The spatial unit of {@code xyzt_units} (its low three bits), by name. */
final class NiftiUnits {

    private NiftiUnits() {
    }

    /** {@code "m"}, {@code "mm"}, {@code "um"} or {@code "unknown"}. */
    static String spatial(int xyztUnits) {
        switch (xyztUnits & 0x07) {
            case 1: return "m";
            case 2: return "mm";
            case 3: return "um";
            default: return "unknown";
        }
    }

    /** The code of a spatial unit name; millimetres for an unknown name (NIfTI's usual unit). */
    static int code(String spatial) {
        if ("m".equals(spatial)) {
            return 1;
        }
        if ("um".equals(spatial)) {
            return 3;
        }
        return 2;
    }
}
