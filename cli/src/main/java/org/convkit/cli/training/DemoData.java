package org.convkit.cli.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.convkit.api.domain.Domain;
import org.convkit.api.nn.train.Dataset;
import org.convkit.api.nn.train.IdxFolder;

/**
 * The demo's training and held-out test sets: the domain's seeded synthetic data (the test set from
 * another seed), or, for the {@code image} domain, the bundled MNIST subset (2,000 training and 500
 * test digits in IDX format, MIT licence; see {@code mnist-subset/README.md}).
 *
 * @param train the training set
 * @param test  the held-out test set
 * @param note  where the data came from, for the provenance and the printout
 */
public record DemoData(Dataset train, Dataset test, String note) {

    /** The bundled files, next to this class's resources. */
    static final String[] MNIST = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};

    /** Seeds of the test set differ from the training seed by this odd constant, so the sets share no file. */
    static final long TEST_SEED_OFFSET = 0x9E3779B97F4A7C15L;

    /** The demo data of {@code domain}, at most {@code maxTrain} training samples (a stratified subset). */
    public static DemoData of(Domain domain, int perClass, int testPerClass, int maxTrain, long seed) throws IOException {
        Dataset train;
        Dataset test;
        String note;
        if (domain.name().equals("image")) {
            IdxFolder mnist = bundledMnist();
            train = mnist.train();
            test = mnist.test();
            note = "bundled MNIST subset (2,000 train / 500 test)";
        } else {
            train = domain.synthetic(perClass, seed);
            test = domain.synthetic(testPerClass, seed + TEST_SEED_OFFSET);
            note = "synthetic, seed " + seed + " (the test set from another seed)";
        }
        if (train.size() > maxTrain) {
            // Dataset.split's held-out part is a seeded stratified subset of the asked share
            train = train.split((double) maxTrain / train.size(), seed).validation();
        }
        return new DemoData(train, test, note);
    }

    /** Reads the bundled IDX files through a temporary folder (IdxFolder reads paths), removed afterwards. */
    static IdxFolder bundledMnist() throws IOException {
        Path tmp = Files.createTempDirectory("convkit-mnist");
        try {
            for (String name : MNIST) {
                try (InputStream in = DemoData.class.getResourceAsStream("/org/convkit/cli/mnist-subset/" + name)) {
                    if (in == null) {
                        throw new IOException("the bundled MNIST subset is missing " + name + " (a broken build?)");
                    }
                    Files.copy(in, tmp.resolve(name));
                }
            }
            return IdxFolder.load(tmp);
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
