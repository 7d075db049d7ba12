package org.convkit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.convkit.api.io.Csv;
import org.convkit.api.io.Npy;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;

/** Reads and writes arrays as {@code .npy} or {@code .csv}, chosen by the file's extension. */
final class ArrayFiles {

    private ArrayFiles() {
    }

    /** Refuses a file whose extension is neither {@code .npy} nor {@code .csv}. */
    static void checkExtension(Path file) {
        String ext = extension(file);
        if (!ext.equals("npy") && !ext.equals("csv")) {
            throw new BadInputException(file + ": unknown extension '" + ext + "' (use .npy or .csv)");
        }
    }

    static NdArray read(Path file) throws IOException {
        checkExtension(file);
        return extension(file).equals("npy") ? Npy.read(file) : Csv.read(file);
    }

    /** Refuses to plan a write of a rank-{@code rank} array to a file that cannot hold it. */
    static void checkCanHold(Path file, Shape shape) {
        checkExtension(file);
        if (extension(file).equals("csv") && shape.rank() > 2) {
            throw new BadInputException(file + ": CSV holds 1-d or 2-d arrays, the result would be " + shape
                    + " (use .npy)");
        }
    }

    /** Writes atomically: a reader sees the old file or the complete new one. */
    static void write(Path file, NdArray a) throws IOException {
        checkCanHold(file, a.shape());
        if (extension(file).equals("npy")) {
            Npy.write(file, a);
        } else {
            Csv.write(file, a);
        }
    }

    /** Whether {@code file} is named {@code .npy} or {@code .csv} but not a longer, domain-specific extension. */
    static boolean isArrayFile(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        String ext = extension(file);
        if (!ext.equals("npy") && !ext.equals("csv")) {
            return false;
        }
        // a format claiming a longer ending (e.g. "mel.npy") takes the file
        for (org.convkit.api.domain.FileFormat f : org.convkit.api.domain.Domains.formats()) {
            for (String e : f.extensions()) {
                if (e.length() > ext.length() && name.endsWith("." + e)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True for a {@code .csv} file, whose 2-d arrays hold time down the rows. */
    static boolean isCsv(Path file) {
        return extension(file).equals("csv");
    }

    private static String extension(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
