package org.convkit.domains.mocap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domain;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.GlobalAvgPoolSpec;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.ModelSpec;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.PoolLayerSpec;
import org.convkit.api.nn.ReluSpec;
import org.convkit.api.nn.SequentialSpec;
import org.convkit.api.signal.Butterworth;
import org.convkit.api.signal.ButterworthFilter;
import org.convkit.api.signal.FilterChain;

/**
 * Motion capture: marker trajectories {@code [markers * 3, frames]} (1-d, many channels), read
 * from C3D or the mocap CSV layout.
 *
 * <p>From a file to samples: NaN gaps (occluded markers) are filled by linear interpolation
 * ({@link MocapWindows#fillGaps}); the {@link #preprocessing} low-pass runs over the whole recording;
 * windows of {@value #WINDOW_SECONDS} s start every {@value #HOP_SECONDS} s (as many as fit), each
 * channel resampled to {@value #LENGTH} points whatever the frame rate, converted to metres
 * ({@link MocapWindows#toMetres}: mm or no unit, cm, m) and centred on its own window mean, so that
 * where the subject stands does not matter, only how it moves. Samples are float32
 * {@code [n, markers * 3, 64]}; {@link #sampleShape()} is that of the synthetic six-marker files.
 */
public final class MocapDomain implements Domain {
    /** The window length, seconds. */
    public static final double WINDOW_SECONDS = 2;
    /** The step between window starts, seconds. */
    public static final double HOP_SECONDS = 1;
    /** Points per channel in a sample. */
    public static final int LENGTH = 64;
    /**
     * The low-pass cutoff, Hz: voluntary human movement lies below it (Winter, Biomechanics and Motor
     * Control of Human Movement).
     */
    public static final double CUTOFF_HZ = 6;
    /** The low-pass order (each direction of the zero-phase pass). */
    public static final int ORDER = 4;

    private static final List<FileFormat> FORMATS = List.of(new C3dFormat(), new MocapCsvFormat());

    @Override
    public String name() {
        return "mocap";
    }

    @Override
    public String description() {
        return "motion capture marker trajectories (C3D, mocap CSV): 6 Hz low-pass, 2 s centred windows";
    }

    @Override
    public int rank() {
        return 1;
    }

    @Override
    public boolean multiChannel() {
        return true;
    }

    @Override
    public List<FileFormat> formats() {
        return FORMATS;
    }

    /**
     * A zero-phase Butterworth low-pass, order {@value #ORDER} at {@value #CUTOFF_HZ} Hz (the usual
     * smoothing of marker data), when the frame rate is above twice the cutoff; else (or with no
     * rate) an empty chain: the data cannot hold frequencies above the cutoff anyway.
     */
    @Override
    public FilterChain preprocessing(Metadata metadata) {
        double fs = metadata.sampleRate();
        if (!(fs > 2 * CUTOFF_HZ) || Double.isInfinite(fs)) {
            return FilterChain.of();
        }
        return FilterChain.of(
                new ButterworthFilter(Butterworth.Band.LOWPASS, ORDER, new double[] {CUTOFF_HZ}, fs, true));
    }

    @Override
    public FloatNd samples(DataFile file) throws IOException {
        Shape s = file.data().shape();
        Path where = Path.of(file.format() + " data");
        if (s.rank() != 2 || s.dim(0) == 0 || s.dim(0) % 3 != 0) {
            throw new DataFileException(where, "has shape " + s + ", motion capture needs [markers * 3, frames]");
        }
        double rate = file.metadata().sampleRate();
        if (!(rate > 0 && Double.isFinite(rate))) {
            throw new DataFileException(where, "sample rate is " + rate + ", motion capture windows need a frame rate");
        }
        int window = (int) Math.round(WINDOW_SECONDS * rate);
        int hop = Math.max(1, (int) Math.round(HOP_SECONDS * rate));
        int frames = s.dim(1);
        if (window < 2 || frames < window) {
            throw new DataFileException(where, "holds " + frames + " frames at " + rate + " Hz, a sample needs "
                    + WINDOW_SECONDS + " s (" + Math.max(2, window) + " frames)");
        }
        DoubleNd filled = MocapWindows.fillGaps(file.data().toDouble());
        DoubleNd filtered = preprocessing(file.metadata()).apply(filled, ConvContext.defaults());
        String unit = file.metadata().channels().isEmpty() ? "" : file.metadata().channels().get(0).unit();
        return MocapWindows.windows(filtered, window, hop, LENGTH, MocapWindows.toMetres(unit));
    }

    @Override
    public Shape sampleShape() {
        return Shape.of(3 * MocapSynthetic.MARKERS.size(), LENGTH);
    }

    /**
     * Three convolutions (kernel 5, 5, 3, same padding; 16, 32, 32 channels) with ReLU, max-pooling
     * by 2 after the first two, global average pooling over time and a linear classifier.
     */
    @Override
    public ModelSpec defaultNetwork(Shape sampleShape, int classes) {
        if (sampleShape.rank() != 2) {
            throw new IllegalArgumentException("mocap samples are [channels, time], got shape " + sampleShape);
        }
        int c = sampleShape.dim(0);
        return SequentialSpec.of(
                conv(c, 16, 5), ReluSpec.relu(), PoolLayerSpec.max(1, 2),
                conv(16, 32, 5), ReluSpec.relu(), PoolLayerSpec.max(1, 2),
                conv(32, 32, 3), ReluSpec.relu(), new GlobalAvgPoolSpec(),
                new LinearSpec(32, classes, true));
    }

    private static ConvLayerSpec conv(int in, int out, int kernel) {
        return ConvLayerSpec.of(1, in, out, kernel, Padding.of(kernel / 2));
    }

    @Override
    public List<String> syntheticClasses() {
        return MocapSynthetic.CLASSES;
    }

    @Override
    public DataFile syntheticFile(int label, long seed) {
        return MocapSynthetic.file(label, seed);
    }
}
