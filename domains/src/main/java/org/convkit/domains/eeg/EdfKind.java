package org.convkit.domains.eeg;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The two sample widths of the EDF family: EDF (16-bit) and BDF (BioSemi's 24-bit variant). Both
 * store samples as little-endian two's complement integers; they differ in the version field, the
 * digital range and the label of their annotation signal.
 */
enum EdfKind {
    /** European Data Format: version {@code "0"}, 2-byte samples, annotations in "EDF Annotations". */
    EDF("edf", 2, -32768, 32767, "EDF Annotations", "EDF+C"),
    /** BioSemi Data Format: version {@code 0xFF "BIOSEMI"}, 3-byte samples, annotations in "BDF Annotations". */
    BDF("bdf", 3, -8388608, 8388607, "BDF Annotations", "BDF+C");

    private static final byte[] EDF_VERSION = "0       ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BDF_VERSION = {(byte) 0xFF, 'B', 'I', 'O', 'S', 'E', 'M', 'I'};

    final String formatName;
    final int bytesPerSample;
    final int digitalMin;
    final int digitalMax;
    final String annotationLabel;
    final String plusContinuous;

    EdfKind(String formatName, int bytesPerSample, int digitalMin, int digitalMax, String annotationLabel,
            String plusContinuous) {
        this.formatName = formatName;
        this.bytesPerSample = bytesPerSample;
        this.digitalMin = digitalMin;
        this.digitalMax = digitalMax;
        this.annotationLabel = annotationLabel;
        this.plusContinuous = plusContinuous;
    }

    /** The 8-byte version field this kind writes. */
    byte[] version() {
        return (this == EDF ? EDF_VERSION : BDF_VERSION).clone();
    }

    /** The kind whose version field {@code head} starts with, or null. */
    static EdfKind of(byte[] head) {
        if (head.length < 8) {
            return null;
        }
        byte[] v = Arrays.copyOf(head, 8);
        if (Arrays.equals(v, BDF_VERSION)) {
            return BDF;
        }
        // EDF's version is the number 0 left-aligned in 8 ASCII characters
        return Arrays.equals(v, EDF_VERSION) ? EDF : null;
    }

    /** Whether a signal label marks an annotation signal (EDF+ or BDF+; either label is accepted in both). */
    static boolean isAnnotationLabel(String label) {
        return EDF.annotationLabel.equals(label) || BDF.annotationLabel.equals(label);
    }

    /** Decodes one little-endian two's complement sample at {@code at}. */
    int sample(byte[] b, int at) {
        int lo = (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
        return this == EDF ? (short) lo : lo | b[at + 2] << 16;
    }

    /** Encodes one sample at {@code at}. */
    void putSample(byte[] b, int at, int value) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >> 8);
        if (this == BDF) {
            b[at + 2] = (byte) (value >> 16);
        }
    }
}
