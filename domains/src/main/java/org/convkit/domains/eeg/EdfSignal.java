package org.convkit.domains.eeg;

/**
 * One signal of an EDF header, as written there. Physical values follow from digital ones by
 * {@link #physical(int)}; annotation signals carry text, not samples.
 *
 * @param label            the label (trimmed)
 * @param transducer       the transducer type (trimmed)
 * @param unit             the physical dimension (trimmed)
 * @param physicalMin      physical minimum, the value of {@code digitalMin}
 * @param physicalMax      physical maximum, the value of {@code digitalMax}
 * @param digitalMin       digital minimum
 * @param digitalMax       digital maximum
 * @param prefiltering     the prefiltering text (trimmed)
 * @param samplesPerRecord samples in each data record
 * @param rangeText        the four range fields as written ({@code "pmin pmax dmin dmax"}), kept so a
 *                         writer can repeat them exactly
 * @param annotations      whether this is an "EDF Annotations" / "BDF Annotations" signal
 */
record EdfSignal(String label, String transducer, String unit, double physicalMin, double physicalMax,
                 int digitalMin, int digitalMax, String prefiltering, int samplesPerRecord, String rangeText,
                 boolean annotations) {

    /** {@code (d - dmin) * (pmax - pmin) / (dmax - dmin) + pmin}. */
    double physical(int digital) {
        return (digital - (double) digitalMin) * (physicalMax - physicalMin) / (digitalMax - (double) digitalMin)
                + physicalMin;
    }
}
