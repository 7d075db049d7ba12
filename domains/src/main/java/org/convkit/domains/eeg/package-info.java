/**
 * EEG: the EDF, EDF+, BDF and BDF+ file formats ({@link org.convkit.domains.eeg.EdfFormat},
 * {@link org.convkit.domains.eeg.BdfFormat}) and the {@code eeg} domain
 * ({@link org.convkit.domains.eeg.EegDomain}): band-pass and notch preprocessing, fixed-length
 * windows standardised per channel, data sets labelled by EDF+ annotations, seeded synthetic
 * recordings and a compact 1-d CNN.
 */
package org.convkit.domains.eeg;
