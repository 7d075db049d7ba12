package org.convkit.domains.eeg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files EDFlib wrote and what EDFlib read back from them (see {@code edflib_fixture.c} in the
 * test resources): {@code type} is {@code "edf"} or {@code "bdf"}.
 */
final class EdflibFixtures {

    private EdflibFixtures() {
    }

    /** A copy of {@code edflib-3ch.<type>} in {@code dir}. */
    static Path copy(String type, Path dir) throws IOException {
        Path out = dir.resolve("edflib-3ch." + type);
        try (InputStream in = resource("edflib-3ch." + type)) {
            Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return out;
    }

    /** Per signal, the values EDFlib decoded from a CSV {@code signal,index,value}. */
    static List<double[]> values(String type, String what) {
        List<List<Double>> per = new ArrayList<>();
        for (String[] row : rows("edflib-" + type + "-" + what + ".csv")) {
            int s = Integer.parseInt(row[0]);
            while (per.size() <= s) {
                per.add(new ArrayList<>());
            }
            per.get(s).add(Double.parseDouble(row[2]));
        }
        return per.stream().map(l -> l.stream().mapToDouble(Double::doubleValue).toArray()).toList();
    }

    /** The rows of a CSV resource after its header, split on commas. */
    static List<String[]> rows(String name) {
        try (InputStream in = resource(name)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<String[]> out = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    out.add(lines[i].split(",", -1));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = EdflibFixtures.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing test resource " + name);
        }
        return in;
    }
}
