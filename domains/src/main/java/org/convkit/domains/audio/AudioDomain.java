package org.convkit.domains.audio;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domain;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.domain.Metadata;
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
import org.convkit.api.signal.FilterChain;

/**
 * Audio (rank 1, one channel): WAV recordings, mixed to mono (the mean of the channels), resampled to
 * {@link AudioWindowSpec#sampleRate()} by {@link ResamplePoly} and cut into windows
 * {@code [n, 1, window]} of float32 samples in {@code [-1, 1)} (see {@link AudioWindowSpec}; a
 * recording shorter than one window is zero-padded to one).
 *
 * <p>Preprocessing is the empty chain: the anti-aliasing filter is part of resampling, and a
 * high-pass (DC removal) would change what a user's classes may depend on, so none is imposed.
 *
 * <p>Synthetic data: {@link SyntheticAudio}'s tones, chirps and noise. Default network:
 * {@link #network(Shape, int)}.
 */
public final class AudioDomain implements Domain {

    /** The domain's name. */
    public static final String NAME = "audio";

    private static final List<FileFormat> FORMATS = List.of(new WavFormat());

    private final AudioWindowSpec spec;

    /** The domain with {@link AudioWindowSpec#DEFAULT} (what ServiceLoader makes). */
    public AudioDomain() {
        this(AudioWindowSpec.DEFAULT);
    }

    public AudioDomain(AudioWindowSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("spec must not be null");
        }
        this.spec = spec;
    }

    /** How recordings become samples. */
    public AudioWindowSpec spec() {
        return spec;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "audio recordings (WAV), mono, resampled to " + spec.sampleRate() + " Hz, windows of "
                + spec.window() + " samples";
    }

    @Override
    public int rank() {
        return 1;
    }

    @Override
    public boolean multiChannel() {
        return false;
    }

    @Override
    public List<FileFormat> formats() {
        return FORMATS;
    }

    /** The empty chain (see the class comment). */
    @Override
    public FilterChain preprocessing(Metadata metadata) {
        return FilterChain.of();
    }

    @Override
    public FloatNd samples(DataFile file) throws IOException {
        double[] mono = Recordings.monoAt(file, spec.sampleRate());
        return Recordings.windows(mono, spec.window(), spec.hop());
    }

    @Override
    public Shape sampleShape() {
        return Shape.of(1, spec.window());
    }

    @Override
    public ModelSpec defaultNetwork(Shape sampleShape, int classes) {
        return network(sampleShape, classes);
    }

    /**
     * Up to four stages of convolution (kernel 9, same padding; 8, 16, 16, 16 channels), ReLU and
     * max pooling by 4, then flatten and a linear layer to {@code classes} scores. A stage is pooled
     * only while at least 4 samples are left, and stages stop once the length cannot be pooled: for
     * 4096 samples the linear layer sees 16 x 16 features, about 2.2 million multiply-adds per sample
     * in all, so a few epochs on a few hundred windows take seconds.
     *
     * @param sampleShape {@code [C, length]}
     */
    public static ModelSpec network(Shape sampleShape, int classes) {
        if (sampleShape.rank() != 2 || classes < 1) {
            throw new IllegalArgumentException("the audio network takes [channels, length] samples and at least one class,"
                    + " got shape " + sampleShape + " and " + classes + " classes");
        }
        List<LayerSpec> layers = new ArrayList<>();
        int in = sampleShape.dim(0);
        int length = sampleShape.dim(1);
        for (int width : new int[] {8, 16, 16, 16}) {
            layers.add(ConvLayerSpec.of(1, in, width, 9, Padding.same()));
            layers.add(ReluSpec.relu());
            in = width;
            if (length < 4) {
                break;
            }
            layers.add(PoolLayerSpec.max(1, 4));
            length /= 4;
        }
        layers.add(new FlattenSpec());
        layers.add(new LinearSpec(in * length, classes, true));
        return SequentialSpec.of(layers.toArray(new LayerSpec[0]));
    }

    @Override
    public List<String> syntheticClasses() {
        return SyntheticAudio.CLASSES;
    }

    @Override
    public DataFile syntheticFile(int label, long seed) {
        return SyntheticAudio.file(label, seed);
    }
}
