/**
 * The data-domain plugin contract: a {@link org.convkit.api.domain.Domain} (audio, EEG, motion
 * capture, spectrogram, image, CT, video) reads and writes its {@link org.convkit.api.domain.FileFormat}s
 * into a {@link org.convkit.api.domain.DataFile}, turns files into network samples, loads labelled
 * folders, proposes a default network and makes seeded synthetic data. Implementations live in the
 * {@code domains} module and are found with {@link java.util.ServiceLoader} through
 * {@link org.convkit.api.domain.Domains}.
 */
package org.convkit.api.domain;
