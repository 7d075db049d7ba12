package org.convkit.api.domain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.ModelSpec;
import org.convkit.api.nn.train.Dataset;
import org.convkit.api.signal.FilterChain;

/**
 * A data domain: one cell of the table rank (1, 2, 3) by channels (one, many). Found with
 * {@link java.util.ServiceLoader} through {@link Domains}; implementations are stateless and
 * thread-safe. Every domain passes the same contract test.
 *
 * <p>The path from a file to a network: {@link #read} decodes it, {@link #preprocessing} filters it
 * (recorded in the model file so prediction repeats it), {@link #samples} cuts it into fixed-shape
 * float32 network inputs {@code [n, C, spatial...]}.
 */
public interface Domain {

    /** Its name, used by the CLI: {@code audio, eeg, mocap, spectrogram, image, ct, video}. */
    String name();

    /** One line for {@code convkit plugins}. */
    String description();

    /** The spatial rank of one sample: 1 (time), 2 (image, spectrogram), 3 (volume, video). */
    int rank();

    /** Whether its data has many channels (EEG, colour, video) or one (audio, spectrogram, CT). */
    boolean multiChannel();

    /** The formats it reads, first the one it writes by default. */
    List<FileFormat> formats();

    /** Decodes a file in one of {@link #formats()}, chosen by magic bytes or name. */
    default DataFile read(Path file) throws IOException {
        return Domains.formatFor(file, formats()).read(file);
    }

    /** Encodes to the format {@code target}'s name selects among {@link #formats()}. */
    default void write(DataFile file, Path target) throws IOException {
        Domains.writerFor(target, formats()).write(file, target);
    }

    /**
     * The filters applied to a decoded recording before it is cut into samples (band-pass and notch
     * for EEG); an empty chain for domains whose data is not a time series.
     *
     * @param metadata the decoded file's metadata (its sample rate in particular)
     */
    FilterChain preprocessing(Metadata metadata);

    /**
     * The network inputs one file yields, after {@link #preprocessing}: windows of a recording, the
     * image resized or checked, patches of a volume.
     *
     * @return {@code [n, C, spatial...]} float32, {@code n >= 1} of {@link #sampleShape()}
     * @throws org.convkit.api.io.DataFileException when the file cannot yield a sample (too short, wrong channel count)
     */
    FloatNd samples(DataFile file) throws IOException;

    /**
     * The samples one file yields for a network that takes samples of {@code sampleShape} (what a
     * model file records): {@link #samples(DataFile)} by default, which callers check against the
     * shape; domains that can make samples of any shape (images resized, made grey or colour)
     * override it.
     */
    default FloatNd samples(DataFile file, Shape sampleShape) throws IOException {
        return samples(file);
    }

    /** The shape {@code [C, spatial...]} of one sample this domain's {@link #samples} makes by default. */
    Shape sampleShape();

    /**
     * A labelled data set from a folder: one sub-folder per class, or a CSV manifest
     * ({@code path,label}, paths relative to the manifest), every file through {@link #samples}.
     * Domains with other layouts (IDX pairs, EDF+ annotations) override this.
     */
    default Dataset dataset(Path root) throws IOException {
        return DatasetLayouts.load(root, this);
    }

    /** A network suited to this domain for inputs of {@code sampleShape} and {@code classes} classes. */
    ModelSpec defaultNetwork(Shape sampleShape, int classes);

    /** The class names of {@link #syntheticFile}, in label order. */
    List<String> syntheticClasses();

    /**
     * A seeded synthetic file of class {@code label}, as the domain's default format would hold it:
     * the same (label, seed) gives the same values, bit for bit.
     */
    DataFile syntheticFile(int label, long seed);

    /**
     * A seeded synthetic data set: {@code perClass} files of each class through {@link #samples};
     * deterministic in {@code seed}.
     */
    default Dataset synthetic(int perClass, long seed) throws IOException {
        return DatasetLayouts.synthetic(this, perClass, seed);
    }
}
