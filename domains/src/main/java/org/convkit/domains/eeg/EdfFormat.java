package org.convkit.domains.eeg;

/**
 * EDF and EDF+ (continuous), 16-bit ({@code .edf}). Reads EDF, EDF+C, and BDF/BDF+C as well when
 * handed one; writes EDF+C with an "EDF Annotations" signal. Recognised by its version field
 * {@code "0       "}.
 */
public final class EdfFormat extends EdfFamilyFormat {

    public EdfFormat() {
        super(EdfKind.EDF, "edf");
    }
}
