package org.convkit.api.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a file records besides its values. Absent numbers are {@code NaN}; absent lists are empty.
 *
 * @param sampleRate  samples (or frames) per second along the time axis, {@code NaN} when the data has
 *                    no time axis; for recordings whose channels have different rates, the rate of
 *                    the data's time axis (the highest channel rate)
 * @param channels    one entry per channel of the data, in order; empty for formats without named
 *                    channels
 * @param annotations timed events (EDF+ annotations, C3D events), onset order
 * @param voxelSize   the physical size of one voxel or pixel along each spatial axis, in the
 *                    format's unit (millimetres for NIfTI), {@code null} when unknown
 * @param affine      a 4x4 row-major voxel-to-world matrix (NIfTI's sform or qform), {@code null} when
 *                    the format has none
 * @param properties  format-specific facts kept for round trips and {@code info} (e.g. the EDF patient
 *                    field, the WAV sample format), as strings
 */
public record Metadata(double sampleRate, List<Channel> channels, List<Annotation> annotations,
                       double[] voxelSize, double[] affine, Map<String, String> properties) {

    /** No metadata at all. */
    public static final Metadata NONE = new Metadata(Double.NaN, List.of(), List.of(), null, null, Map.of());

    /**
     * A channel of a recording.
     *
     * @param label      its name ({@code "Fp1"}, {@code "left"}, {@code "RASI.x"})
     * @param unit       its physical unit ({@code "uV"}), empty when unknown
     * @param sampleRate its own rate in the file (EDF channels may differ), {@code NaN} when unknown
     * @param samples    how many samples the file holds for it at its own rate
     */
    public record Channel(String label, String unit, double sampleRate, long samples) {
        public Channel {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(unit, "unit");
        }
    }

    /**
     * A timed event.
     *
     * @param onset       seconds from the start of the recording
     * @param duration    seconds, 0 for an instant
     * @param description its text
     */
    public record Annotation(double onset, double duration, String description) {
        public Annotation {
            Objects.requireNonNull(description, "description");
        }
    }

    public Metadata {
        channels = List.copyOf(channels);
        annotations = List.copyOf(annotations);
        voxelSize = voxelSize == null ? null : voxelSize.clone();
        affine = affine == null ? null : affine.clone();
        if (affine != null && affine.length != 16) {
            throw new IllegalArgumentException("affine must hold 16 values (4x4, row-major), got " + affine.length);
        }
        properties = Map.copyOf(properties);
    }

    /** Metadata of a recording: a rate and its channels. */
    public static Metadata recording(double sampleRate, List<Channel> channels) {
        return new Metadata(sampleRate, channels, List.of(), null, null, Map.of());
    }

    /** Metadata of a volume or image with a known voxel (pixel) size. */
    public static Metadata spatial(double[] voxelSize) {
        return new Metadata(Double.NaN, List.of(), List.of(), voxelSize, null, Map.of());
    }

    @Override
    public double[] voxelSize() {
        return voxelSize == null ? null : voxelSize.clone();
    }

    @Override
    public double[] affine() {
        return affine == null ? null : affine.clone();
    }

    public Metadata withSampleRate(double rate) {
        return new Metadata(rate, channels, annotations, voxelSize, affine, properties);
    }

    public Metadata withChannels(List<Channel> newChannels) {
        return new Metadata(sampleRate, newChannels, annotations, voxelSize, affine, properties);
    }

    public Metadata withAnnotations(List<Annotation> newAnnotations) {
        return new Metadata(sampleRate, channels, newAnnotations, voxelSize, affine, properties);
    }

    public Metadata withVoxelSize(double[] size) {
        return new Metadata(sampleRate, channels, annotations, size, affine, properties);
    }

    public Metadata withAffine(double[] matrix) {
        return new Metadata(sampleRate, channels, annotations, voxelSize, matrix, properties);
    }

    public Metadata withProperties(Map<String, String> props) {
        return new Metadata(sampleRate, channels, annotations, voxelSize, affine, props);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metadata m && Double.compare(sampleRate, m.sampleRate) == 0 && channels.equals(m.channels)
                && annotations.equals(m.annotations) && Arrays.equals(voxelSize, m.voxelSize)
                && Arrays.equals(affine, m.affine) && properties.equals(m.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sampleRate, channels, annotations, Arrays.hashCode(voxelSize), Arrays.hashCode(affine),
                properties);
    }

    @Override
    public String toString() {
        return "Metadata[sampleRate=" + sampleRate + ", channels=" + channels + ", annotations=" + annotations
                + ", voxelSize=" + Arrays.toString(voxelSize) + ", affine=" + Arrays.toString(affine)
                + ", properties=" + properties + "]";
    }
}
