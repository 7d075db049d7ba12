package org.convkit.domains.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.convkit.api.nn.train.Dataset;
import org.convkit.api.nn.train.IdxFolder;

/**
 * MNIST-style IDX data sets for the image domain, read through {@link IdxFolder}: images
 * {@code [N, H, W]} of bytes become samples {@code [1, H, W]} (value / 255), labels are the digits.
 * A folder holding the four files gives its training part ({@code train-*}); the path of one of the
 * image files ({@code train-images-idx3-ubyte} or {@code t10k-images-idx3-ubyte}, plain or {@code .gz})
 * gives that part.
 */
public final class IdxData {

    private static final String TRAIN = "train-images-idx3-ubyte";
    private static final String TEST = "t10k-images-idx3-ubyte";

    private IdxData() {
    }

    /** Whether {@code root} is an IDX folder (it holds a training images file) or an IDX images file. */
    public static boolean isIdx(Path root) {
        if (Files.isDirectory(root)) {
            return Files.isRegularFile(root.resolve(TRAIN)) || Files.isRegularFile(root.resolve(TRAIN + ".gz"));
        }
        return Files.isRegularFile(root) && part(root) != null;
    }

    /** The part {@code root} names; see the class comment. */
    public static Dataset load(Path root) throws IOException {
        if (Files.isDirectory(root)) {
            return IdxFolder.load(root).train();
        }
        IdxFolder both = IdxFolder.load(root.toAbsolutePath().getParent());
        return TRAIN.equals(part(root)) ? both.train() : both.test();
    }

    private static String part(Path file) {
        String name = file.getFileName().toString();
        for (String p : new String[] {TRAIN, TEST}) {
            if (name.equals(p) || name.equals(p + ".gz")) {
                return p;
            }
        }
        return null;
    }
}
