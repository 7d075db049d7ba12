package org.convkit.domains.eeg;

/**
 * BDF and BDF+ (continuous), BioSemi's 24-bit EDF ({@code .bdf}). Reads BDF, BDF+C, and EDF/EDF+C as
 * well when handed one; writes BDF+C with a "BDF Annotations" signal. Recognised by its version field
 * {@code 0xFF "BIOSEMI"}.
 */
public final class BdfFormat extends EdfFamilyFormat {

    public BdfFormat() {
        super(EdfKind.BDF, "bdf");
    }
}
