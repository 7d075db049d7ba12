package org.convkit.api.signal;

/**
 * How {@link Spectrogram#powerToDb} converts power to decibels, as librosa.power_to_db:
 * {@code db = 10 log10(max(amin, p)) - 10 log10(max(amin, ref))}, then, when {@code topDb} is
 * finite, {@code max(db, max(db) - topDb)}. Small powers are clamped to {@code amin} rather than
 * offset by an epsilon ({@code 10 log10(p + eps)}), so silence maps to a finite floor.
 *
 * @param ref           the reference power (0 dB); ignored when {@code relativeToMax}
 * @param relativeToMax use the largest power of the input as the reference (librosa's {@code ref=np.max})
 * @param amin          the smallest power considered, > 0
 * @param topDb         the dynamic range kept below the peak, >= 0, or +infinity for no limit
 */
public record Decibels(double ref, boolean relativeToMax, double amin, double topDb) {

    public Decibels {
        if (!(amin > 0)) {
            throw new IllegalArgumentException("amin must be > 0, got " + amin);
        }
        if (!(topDb >= 0)) {
            throw new IllegalArgumentException("top_db must be >= 0 (or +infinity for none), got " + topDb);
        }
        if (!relativeToMax && !(ref > 0 && Double.isFinite(ref))) {
            throw new IllegalArgumentException("ref must be a positive power, got " + ref);
        }
    }

    /** librosa.power_to_db's defaults: ref 1, amin 1e-10, top_db 80. */
    public static Decibels librosa() {
        return new Decibels(1.0, false, 1e-10, 80.0);
    }

    public Decibels withRef(double r) {
        return new Decibels(r, false, amin, topDb);
    }

    /** The input's maximum as the reference. */
    public Decibels withRefMax() {
        return new Decibels(1.0, true, amin, topDb);
    }

    public Decibels withAmin(double a) {
        return new Decibels(ref, relativeToMax, a, topDb);
    }

    /** {@code Double.POSITIVE_INFINITY} for no limit (librosa's {@code top_db=None}). */
    public Decibels withTopDb(double t) {
        return new Decibels(ref, relativeToMax, amin, t);
    }
}
