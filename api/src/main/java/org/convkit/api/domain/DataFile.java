package org.convkit.api.domain;

import java.util.Objects;
import org.convkit.api.nd.NdArray;

/**
 * A decoded data file: its values and what the format says about them.
 *
 * <p>Layouts, row-major: recordings (audio, EEG, motion capture) {@code [channels, samples]}
 * (motion capture {@code [markers * 3, frames]}, x/y/z interleaved per marker); images and
 * spectrograms {@code [channels, height, width]}; volumes {@code [channels, depth, height, width]};
 * video {@code [channels, frames, height, width]}. Recordings are float64 (signal work), images,
 * volumes and video float32; values are physical units where the format defines them (EDF physical
 * values, NIfTI after {@code scl_slope}/{@code scl_inter}), samples in {@code [-1, 1)} for audio and
 * {@code [0, 1]} for images and video.
 *
 * @param format   the format's name, as {@link FileFormat#name()} (e.g. {@code "wav"}, {@code "edf+"})
 * @param data     the values
 * @param metadata sample rate, channels, annotations, voxel size and the rest
 */
public record DataFile(String format, NdArray data, Metadata metadata) {

    public DataFile {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** The same values and metadata under another format name (what a converter writes). */
    public DataFile withFormat(String otherFormat) {
        return new DataFile(otherFormat, data, metadata);
    }
}
