package org.convkit.domains.eeg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.DatasetLayouts;
import org.convkit.api.domain.Domain;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.ModelSpec;
import org.convkit.api.nn.train.Dataset;
import org.convkit.api.signal.Butterworth;
import org.convkit.api.signal.ButterworthFilter;
import org.convkit.api.signal.Filter;
import org.convkit.api.signal.FilterChain;
import org.convkit.api.signal.NotchFilter;

/**
 * The {@code eeg} domain: multichannel 1-d recordings in EDF/EDF+ and BDF/BDF+.
 *
 * <p>Preprocessing: a zero-phase Butterworth band-pass of order 4 from 1 to 40 Hz (the upper edge
 * lowered to 0.45 times the rate for slow recordings), then a zero-phase 50 Hz notch (Q 30) when
 * 50 Hz is below Nyquist. Samples: {@link EegWindows#DEFAULT}, 2 s windows with 50% overlap
 * ({@code round(2 * rate)} samples at the file's own rate, so files of one data set should share
 * a rate), each channel standardised per window, {@code [n, channels, samples]}. Data sets: EDF+
 * files with annotations directly in a folder (or one such file) are cut into windows labelled by
 * the annotation covering each window's centre ({@link AnnotatedRecordings}); otherwise the generic
 * folder-per-class or manifest layout, every window of a file taking the file's class.
 */
public final class EegDomain implements Domain {

    /** Band-pass edges in Hz. */
    static final double LOW_HZ = 1;
    static final double HIGH_HZ = 40;
    /** Mains frequency notched out, and its quality factor. */
    static final double MAINS_HZ = 50;
    static final double NOTCH_Q = 30;

    @Override
    public String name() {
        return "eeg";
    }

    @Override
    public String description() {
        return "EEG, many channels in time (EDF/EDF+/BDF/BDF+): 1-40 Hz band-pass, 50 Hz notch, 2 s windows";
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
        return List.of(new EdfFormat(), new BdfFormat());
    }

    /** The windows {@link #samples} cuts. */
    EegWindows windows() {
        return EegWindows.DEFAULT;
    }

    /**
     * @throws IllegalArgumentException when the metadata has no positive sample rate
     */
    @Override
    public FilterChain preprocessing(Metadata metadata) {
        double fs = metadata.sampleRate();
        if (!(fs > 0) || Double.isInfinite(fs)) {
            throw new IllegalArgumentException("EEG preprocessing needs a positive sample rate, got " + fs);
        }
        List<Filter> steps = new ArrayList<>();
        double high = Math.min(HIGH_HZ, 0.45 * fs);
        if (high > 2 * LOW_HZ) {
            steps.add(new ButterworthFilter(Butterworth.Band.BANDPASS, 4, new double[] {LOW_HZ, high}, fs, true));
        }
        if (MAINS_HZ < 0.45 * fs) {
            steps.add(new NotchFilter(MAINS_HZ, NOTCH_Q, fs, true));
        }
        return new FilterChain(steps);
    }

    @Override
    public FloatNd samples(DataFile file) throws IOException {
        // a DataFile does not know its path; the message names the format instead
        return samples(file, Path.of(file.format() + " recording"));
    }

    /** {@link #samples(DataFile)} with errors naming {@code source}. */
    FloatNd samples(DataFile file, Path source) throws IOException {
        Shape s = file.data().shape();
        double rate = file.metadata().sampleRate();
        if (s.rank() != 2 || s.dim(0) < 1) {
            throw new DataFileException(source, "EEG data must be [channels, samples], got shape " + s);
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new DataFileException(source, "sample rate is " + rate + ", expected a positive number of Hz");
        }
        EegWindows w = windows();
        if (w.count(s.dim(1), rate) < 1) {
            throw new DataFileException(source, "recording of " + s.dim(1) + " samples at " + rate
                    + " Hz is shorter than one " + w.seconds() + " s window (" + w.length(rate) + " samples)");
        }
        DoubleNd filtered = preprocessing(file.metadata()).apply(file.data().toDouble(), ConvContext.defaults());
        return w.cut(filtered, rate);
    }

    @Override
    public Shape sampleShape() {
        return Shape.of(SyntheticEeg.CHANNELS, windows().length(SyntheticEeg.RATE));
    }

    @Override
    public Dataset dataset(Path root) throws IOException {
        List<Path> annotated = AnnotatedRecordings.files(root);
        if (!annotated.isEmpty()) {
            return AnnotatedRecordings.load(root, annotated, this);
        }
        return DatasetLayouts.load(root, this);
    }

    @Override
    public ModelSpec defaultNetwork(Shape sampleShape, int classes) {
        return EegNetwork.of(sampleShape, classes);
    }

    @Override
    public List<String> syntheticClasses() {
        return SyntheticEeg.CLASSES;
    }

    @Override
    public DataFile syntheticFile(int label, long seed) {
        return SyntheticEeg.file(label, seed);
    }
}
