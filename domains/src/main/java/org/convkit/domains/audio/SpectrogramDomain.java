package org.convkit.domains.audio;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domain;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.FlattenSpec;
import org.convkit.api.nn.LayerSpec;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.ModelSpec;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.PoolLayerSpec;
import org.convkit.api.nn.ReluSpec;
import org.convkit.api.nn.SequentialSpec;
import org.convkit.api.signal.Decibels;
import org.convkit.api.signal.FilterChain;
import org.convkit.api.signal.MelFilterbank;
import org.convkit.api.signal.Spectrogram;
import org.convkit.api.signal.Stft;
import org.convkit.api.signal.TorchStftSpec;
import org.convkit.domains.common.NpyFormat;
import org.convkit.domains.common.ReadOnlyFormat;

/**
 * Log-mel spectrograms (rank 2, one channel), {@code [1, mels, frames]} in decibels. Formats: {@code .npy}
 * holding {@code [1, mels, frames]} (read and written; values only, no metadata) and WAV recordings
 * (read only), which {@link #samples} and {@link #spectrogram} turn into log-mel spectrograms as
 * {@link LogMelSpec} describes.
 *
 * <p>{@link #samples}: a recording ({@code [channels, samples]} with a sample rate) becomes its
 * spectrogram first; a spectrogram ({@code [1, mels, frames]}, {@code mels} matching the spec) is cut
 * into windows of {@link LogMelSpec#frames()} frames, not overlapping (a shorter one is padded with its
 * own minimum, i.e. silence), and each value {@code v} in dB becomes {@code v / 80 + 1}, so the
 * {@code [-80, 0]} range of {@code power_to_db(ref=np.max, top_db=80)} maps to {@code [0, 1]}.
 *
 * <p>Preprocessing is the empty chain (there is no time series left to filter). Synthetic data:
 * {@link SyntheticAudio}'s recordings as spectrograms.
 */
public final class SpectrogramDomain implements Domain {

    /** The domain's name. */
    public static final String NAME = "spectrogram";

    private static final List<FileFormat> FORMATS = List.of(new NpyFormat(), new ReadOnlyFormat(new WavFormat()));

    private final LogMelSpec spec;

    /** The domain with {@link LogMelSpec#DEFAULT} (what ServiceLoader makes). */
    public SpectrogramDomain() {
        this(LogMelSpec.DEFAULT);
    }

    public SpectrogramDomain(LogMelSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("spec must not be null");
        }
        this.spec = spec;
    }

    /** How recordings become spectrograms and spectrograms samples. */
    public LogMelSpec spec() {
        return spec;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "log-mel spectrograms (.npy [1, mels, frames], or from WAV), " + spec.mels() + " mels x "
                + spec.frames() + " frames at " + spec.sampleRate() + " Hz";
    }

    @Override
    public int rank() {
        return 2;
    }

    @Override
    public boolean multiChannel() {
        return false;
    }

    @Override
    public List<FileFormat> formats() {
        return FORMATS;
    }

    @Override
    public FilterChain preprocessing(Metadata metadata) {
        return FilterChain.of();
    }

    /**
     * The log-mel spectrogram of a recording, {@code [1, mels, frames]} float64 in dB (see
     * {@link LogMelSpec}); a recording shorter than one sample's frames is zero-padded first. Its
     * metadata: the frame rate as sample rate, the settings as properties.
     */
    public DataFile spectrogram(DataFile recording) throws DataFileException {
        double[] x = Recordings.monoAt(recording, spec.sampleRate());
        int minLength = Math.max((spec.frames() - 1) * spec.hopLength(), spec.nFft() / 2 + 1);
        if (x.length < minLength) {
            x = Arrays.copyOf(x, minLength);
        }
        TorchStftSpec stft = TorchStftSpec.of(spec.nFft()).withHopLength(spec.hopLength());
        MelFilterbank mel = MelFilterbank.librosa(spec.sampleRate(), spec.nFft(), spec.mels());
        DoubleNd db = Spectrogram.logMel(Stft.torch(DoubleNd.vector(x), stft), mel,
                Decibels.librosa().withRefMax().withTopDb(LogMelSpec.TOP_DB));
        Metadata meta = Metadata.NONE.withSampleRate(spec.frameRate()).withProperties(Map.of(
                "spectrogram.sampleRate", Integer.toString(spec.sampleRate()),
                "spectrogram.nFft", Integer.toString(spec.nFft()),
                "spectrogram.hopLength", Integer.toString(spec.hopLength()),
                "spectrogram.mels", Integer.toString(spec.mels()),
                "spectrogram.db", "power_to_db(ref=max, top_db=80)"));
        return new DataFile(NpyFormat.NAME, db.reshape(Shape.of(1, spec.mels(), db.shape().dim(1))), meta);
    }

    @Override
    public FloatNd samples(DataFile file) throws IOException {
        boolean recording = file.data().shape().rank() != 3 && !Double.isNaN(file.metadata().sampleRate());
        DataFile s = recording ? spectrogram(file) : file;
        Shape shape = s.data().shape();
        if (shape.rank() != 3 || shape.dim(0) != 1 || shape.dim(1) != spec.mels() || shape.dim(2) == 0) {
            throw new DataFileException(Recordings.source(file), "a spectrogram must be [1, " + spec.mels()
                    + ", frames] with frames >= 1 (or a recording with a sample rate), got shape " + shape);
        }
        int mels = spec.mels();
        int total = shape.dim(2);
        int width = spec.frames();
        int n = Math.max(1, total / width);
        double floor = Double.POSITIVE_INFINITY;
        for (int i = 0; i < shape.size(); i++) {
            double v = s.data().getDouble(i);
            if (!Double.isFinite(v)) {
                throw new DataFileException(Recordings.source(file), "spectrogram value " + v + " at flat index " + i
                        + " is not finite");
            }
            floor = Math.min(floor, v);
        }
        float[] out = new float[n * mels * width];
        for (int w = 0; w < n; w++) {
            for (int m = 0; m < mels; m++) {
                for (int f = 0; f < width; f++) {
                    int frame = w * width + f;
                    double v = frame < total ? s.data().getDouble(m * total + frame) : floor;
                    out[(w * mels + m) * width + f] = (float) (v / LogMelSpec.TOP_DB + 1);
                }
            }
        }
        return FloatNd.of(Shape.of(n, 1, mels, width), out);
    }

    @Override
    public Shape sampleShape() {
        return Shape.of(1, spec.mels(), spec.frames());
    }

    @Override
    public ModelSpec defaultNetwork(Shape sampleShape, int classes) {
        return network(sampleShape, classes);
    }

    /**
     * Up to three stages of 3 x 3 convolution (same padding; 8, 16, 16 channels), ReLU and 2 x 2 max
     * pooling (only while both sides are at least 2), then flatten and a linear layer: for 32 x 64
     * inputs the linear layer sees 16 x 4 x 8 features, about a million multiply-adds per sample.
     *
     * @param sampleShape {@code [C, height, width]}
     */
    public static ModelSpec network(Shape sampleShape, int classes) {
        if (sampleShape.rank() != 3 || classes < 1) {
            throw new IllegalArgumentException("the spectrogram network takes [channels, height, width] samples and at"
                    + " least one class, got shape " + sampleShape + " and " + classes + " classes");
        }
        List<LayerSpec> layers = new ArrayList<>();
        int in = sampleShape.dim(0);
        int h = sampleShape.dim(1);
        int w = sampleShape.dim(2);
        for (int width : new int[] {8, 16, 16}) {
            layers.add(ConvLayerSpec.of(2, in, width, 3, Padding.same()));
            layers.add(ReluSpec.relu());
            in = width;
            if (h < 2 || w < 2) {
                break;
            }
            layers.add(PoolLayerSpec.max(2, 2));
            h /= 2;
            w /= 2;
        }
        layers.add(new FlattenSpec());
        layers.add(new LinearSpec(in * h * w, classes, true));
        return SequentialSpec.of(layers.toArray(new LayerSpec[0]));
    }

    @Override
    public List<String> syntheticClasses() {
        return SyntheticAudio.CLASSES;
    }

    /**
     * {@link SyntheticAudio#file} as a spectrogram, as a {@code .npy} file holds it: values only,
     * {@link Metadata#NONE}.
     */
    @Override
    public DataFile syntheticFile(int label, long seed) {
        try {
            return new DataFile(NpyFormat.NAME, spectrogram(SyntheticAudio.file(label, seed)).data(), Metadata.NONE);
        } catch (DataFileException e) {
            throw new IllegalStateException("a synthetic recording did not make a spectrogram", e);
        }
    }
}
