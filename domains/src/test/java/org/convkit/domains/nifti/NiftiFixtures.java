package org.convkit.domains.nifti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The nibabel-written fixtures and what nibabel read back from them (see make_fixtures.py). */
final class NiftiFixtures {

    private static final String BASE = "/org/convkit/domains/nifti/";
    private static JsonNode expected;

    private NiftiFixtures() {
    }

    /** The fixture names with expected values. */
    static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = expected().fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    /** What nibabel reports for a fixture. */
    static JsonNode expected(String name) {
        return expected().get(name);
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /** Copies a fixture into {@code dir} (so it can be read by path and modified). */
    static Path copy(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = NiftiFixtures.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IOException("no fixture " + name);
            }
            Files.write(target, in.readAllBytes());
        }
        return target;
    }

    private static synchronized JsonNode expected() {
        if (expected == null) {
            try (InputStream in = NiftiFixtures.class.getResourceAsStream(BASE + "expected.json")) {
                expected = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return expected;
    }
}
