package org.convkit.domains.mocap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The C3D files made by {@code make_c3d_fixtures.py} (written from the C3D manual, independently of
 * the Java reader) and the values it says they hold, from {@code fixtures.json}.
 */
final class C3dFixtures {
    private static final JsonNode EXPECTED = load();

    private C3dFixtures() {
    }

    /** The expected values of fixture {@code name} (labels, rate, unit, points, events, byte offsets). */
    static JsonNode expected(String name) {
        return EXPECTED.get(name);
    }

    /** Fixture {@code name}.c3d copied into {@code dir}. */
    static Path copy(String name, Path dir) throws IOException {
        Path target = dir.resolve(name + ".c3d");
        Files.write(target, bytes(name));
        return target;
    }

    static byte[] bytes(String name) throws IOException {
        try (InputStream in = C3dFixtures.class.getResourceAsStream(name + ".c3d")) {
            if (in == null) {
                throw new IOException("missing test resource " + name + ".c3d");
            }
            return in.readAllBytes();
        }
    }

    private static JsonNode load() {
        try (InputStream in = C3dFixtures.class.getResourceAsStream("fixtures.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
