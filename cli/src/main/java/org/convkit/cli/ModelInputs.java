package org.convkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.convkit.api.io.DataFileException;
import org.convkit.api.io.Npy;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.LoadedModel;
import org.convkit.api.nn.train.IdxFolder;
import org.convkit.api.nn.transfer.Features;

/** Network inputs read from files for {@code features} and {@code explain}, checked against the model. */
final class ModelInputs {

    private ModelInputs() {
    }

    /**
     * One input {@code [C, ...]} from a {@code .npy} file (any numeric type, read as float32; a leading
     * axis of 1 is dropped), which must have the model's input shape.
     */
    static FloatNd one(Path file, LoadedModel model) throws IOException {
        if (!String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".npy")) {
            throw new BadInputException(file + ": an input must be a .npy file");
        }
        FloatNd x = Npy.read(file).toFloat();
        Shape want = Shape.of(model.metadata().inputShape());
        if (x.shape().rank() == want.rank() + 1 && x.shape().dim(0) == 1) {
            x = x.reshape(x.shape().dropFirst());
        }
        if (!x.shape().equals(want)) {
            throw new DataFileException(file, "shape is " + x.shape() + ", the model takes " + want + " ([C, ...])");
        }
        return x;
    }

    /**
     * The inputs {@code [N, C, ...]} of a folder: an MNIST-style IDX folder (its {@code part}, train or
     * test), else every {@code .npy} file in it, in name order, each of the model's input shape.
     */
    static FloatNd folder(Path dir, String part, LoadedModel model) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "not a folder");
        }
        String images = "train-images-idx3-ubyte";
        if (Files.exists(dir.resolve(images)) || Files.exists(dir.resolve(images + ".gz"))) {
            IdxFolder idx = IdxFolder.load(dir);
            FloatNd x = (part.equals("test") ? idx.test() : idx.train()).features();
            Shape want = Shape.of(model.metadata().inputShape());
            if (!x.shape().dropFirst().equals(want)) {
                throw new DataFileException(dir, "IDX images are " + x.shape().dropFirst() + ", the model takes "
                        + want);
            }
            return x;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = new ArrayList<>(s.filter(p -> String.valueOf(p.getFileName()).toLowerCase(Locale.ROOT)
                    .endsWith(".npy")).sorted().toList());
        }
        if (files.isEmpty()) {
            throw new DataFileException(dir, "holds neither .npy inputs nor IDX files (train-images-idx3-ubyte)");
        }
        List<FloatNd> inputs = new ArrayList<>();
        for (Path f : files) {
            inputs.add(one(f, model));
        }
        return Features.stack(inputs);
    }

    /** {@code --part}: train or test. */
    static String part(String value) {
        if (!Arrays.asList("train", "test").contains(value)) {
            throw new BadInputException("--part must be train or test, got '" + value + "'");
        }
        return value;
    }
}
