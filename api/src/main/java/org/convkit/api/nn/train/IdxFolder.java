package org.convkit.api.nn.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.convkit.api.io.DataFileException;
import org.convkit.api.io.Idx;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * An MNIST-style folder of IDX files read into data sets: {@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte},
 * each optionally with {@code .gz} (the plain name wins when both exist). Images {@code [N, H, W]}
 * become features {@code [N, 1, H, W]} scaled to {@code [0, 1]} (value / 255, as torchvision's
 * {@code ToTensor}); labels {@code [N]} are class indices, and the classes are named {@code "0"} to
 * the largest label of either part (at least {@code "9"} for 10 digits when all occur).
 *
 * @param train the training part
 * @param test  the test part
 */
public record IdxFolder(Dataset train, Dataset test) {

    /** Reads the four files of {@code dir}; a missing file names both accepted spellings. */
    public static IdxFolder load(Path dir) throws IOException {
        Idx.Bytes trainImages = Idx.read(find(dir, "train-images-idx3-ubyte"));
        Path trainLabelFile = find(dir, "train-labels-idx1-ubyte");
        Idx.Bytes trainLabels = Idx.read(trainLabelFile);
        Idx.Bytes testImages = Idx.read(find(dir, "t10k-images-idx3-ubyte"));
        Path testLabelFile = find(dir, "t10k-labels-idx1-ubyte");
        Idx.Bytes testLabels = Idx.read(testLabelFile);
        int classes = 1 + Math.max(max(trainLabels), max(testLabels));
        var names = Dataset.indexNames(classes);
        return new IdxFolder(dataset(trainImages, trainLabels, trainLabelFile, names),
                dataset(testImages, testLabels, testLabelFile, names));
    }

    private static Dataset dataset(Idx.Bytes images, Idx.Bytes labels, Path labelFile, java.util.List<String> names)
            throws DataFileException {
        Shape s = images.shape();
        if (labels.shape().rank() != 1 || s.rank() < 2 || labels.shape().dim(0) != s.dim(0)) {
            throw new DataFileException(labelFile, "labels of shape " + labels.shape() + " do not fit images of shape "
                    + s + " (expected [" + (s.rank() > 0 ? s.dim(0) : 0) + "])");
        }
        FloatNd x = images.toFloat(255f);
        return new Dataset(x.reshape(s.dropFirst().prepend(1).prepend(s.dim(0))), labels.toInts(), names);
    }

    private static int max(Idx.Bytes labels) {
        int m = 0;
        for (int i = 0; i < labels.data().length; i++) {
            m = Math.max(m, labels.unsigned(i));
        }
        return m;
    }

    private static Path find(Path dir, String name) throws NoSuchFileException {
        Path plain = dir.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new NoSuchFileException(plain.toString(), null, "neither " + name + " nor " + name + ".gz is in " + dir);
    }
}
