package org.convkit.domains.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convkit.api.io.Npy;

/** The test resources: sox's WAV fixtures with their decoded values, and the numpy/scipy/torch references. */
final class Fixtures {

    private Fixtures() {
    }

    /** A WAV fixture made by sox ({@code wav/make-fixtures.sh}). */
    static Path wav(String name) {
        return resource("wav/" + name + ".wav");
    }

    /** A reference file of {@code ref/make-references.sh}. */
    static Path ref(String file) {
        return resource("ref/" + file);
    }

    /** A {@code .npy} reference as float64 values. */
    static double[] npy(String name) {
        try {
            return Npy.read(ref(name + ".npy")).toDouble().toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What {@code sox NAME.wav -t dat -} printed: {@code [channel][sample]}, the time column dropped,
     * comment lines (starting with ';') skipped.
     */
    static double[][] soxValues(String name) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(resource("wav/" + name + ".dat"))) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith(";")) {
                continue;
            }
            String[] cols = t.split("\\s+");
            double[] row = new double[cols.length - 1];
            for (int c = 1; c < cols.length; c++) {
                row[c - 1] = Double.parseDouble(cols[c]);
            }
            rows.add(row);
        }
        double[][] out = new double[rows.get(0).length][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < out.length; c++) {
                out[c][i] = rows.get(i)[c];
            }
        }
        return out;
    }

    /** A field of what {@code sox --i NAME.wav} printed, e.g. {@code "Sample Rate"}. */
    static String soxInfo(String name, String field) throws IOException {
        for (String line : Files.readAllLines(resource("wav/" + name + ".info"))) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals(field)) {
                return line.substring(colon + 1).strip();
            }
        }
        throw new IllegalArgumentException("no field '" + field + "' in " + name + ".info");
    }

    private static Path resource(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
