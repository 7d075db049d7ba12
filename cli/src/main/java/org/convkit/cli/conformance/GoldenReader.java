package org.convkit.cli.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.convkit.api.io.DataFileException;

/**
 * Reads golden case files ({@code *.json}, format in {@code golden/README.md}) from a folder or from
 * the copy bundled in this module's resources ({@code /golden}). Malformed files are reported as a
 * {@link DataFileException} naming the file, the case index and the field.
 */
public final class GoldenReader {

    /** Python's json writes NaN and Infinity as bare tokens. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private GoldenReader() {
    }

    /** Every case of every {@code *.json} file under {@code dir}, files in sorted path order. */
    public static List<GoldenCase> readFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NotDirectoryException(dir + ": not a folder of golden cases");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted((a, b) -> relative(dir, a).compareTo(relative(dir, b)))
                    .toList();
        }
        List<GoldenCase> cases = new ArrayList<>();
        for (Path f : files) {
            cases.addAll(readFile(f, relative(dir, f)));
        }
        return cases;
    }

    /** The cases bundled in this module's resources under {@code /golden}. */
    public static List<GoldenCase> readBundled() throws IOException {
        URL marker = GoldenReader.class.getResource("/golden/README.md");
        if (marker == null) {
            throw new IOException("the bundled golden cases (/golden) are missing from the class path");
        }
        URI uri;
        try {
            uri = marker.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("bad resource URI " + marker, e);
        }
        if (!"jar".equals(uri.getScheme())) {
            return readFolder(Path.of(uri).getParent());
        }
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
            return readFolder(fs.provider().getPath(uri).getParent());
        }
    }

    /** The cases of one file; {@code name} is how reports refer to the file. */
    public static List<GoldenCase> readFile(Path file, String name) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new DataFileException(Path.of(name), "not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr());
        }
        JsonNode cases = root == null ? null : root.get("cases");
        if (cases == null || !cases.isArray()) {
            throw new DataFileException(Path.of(name), "no \"cases\" list");
        }
        List<GoldenCase> out = new ArrayList<>(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            out.add(readCase(cases.get(i), name, i));
        }
        return out;
    }

    private static GoldenCase readCase(JsonNode c, String file, int index) throws DataFileException {
        Path f = Path.of(file);
        String where = "case " + index;
        if (!c.isObject()) {
            throw new DataFileException(f, where + " is not an object");
        }
        String op = text(c, "op", f, where);
        String source = c.has("source") ? c.get("source").asText() : "";
        JsonNode params = c.has("params") ? c.get("params") : JsonNodeFactory.instance.objectNode();
        if (!params.isObject()) {
            throw new DataFileException(f, where + ": \"params\" is not an object");
        }
        return new GoldenCase(file, index, op, source, params, arrays(c, "inputs", f, where),
                arrays(c, "expected", f, where), number(c, "rtol", f, where), number(c, "atol", f, where));
    }

    private static Map<String, GoldenArray> arrays(JsonNode c, String field, Path f, String where)
            throws DataFileException {
        JsonNode n = c.get(field);
        if (n == null || !n.isObject()) {
            throw new DataFileException(f, where + ": \"" + field + "\" is missing or not an object");
        }
        Map<String, GoldenArray> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), array(e.getValue(), f, where + ": " + field + "." + e.getKey()));
        }
        return m;
    }

    private static GoldenArray array(JsonNode a, Path f, String where) throws DataFileException {
        JsonNode shape = a.get("shape");
        if (shape == null || !shape.isArray()) {
            throw new DataFileException(f, where + ": \"shape\" is missing or not a list");
        }
        int[] dims = new int[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            if (!shape.get(i).canConvertToExactIntegral() || shape.get(i).asInt() < 0) {
                throw new DataFileException(f, where + ": shape " + shape + " is not a list of sizes");
            }
            dims[i] = shape.get(i).asInt();
        }
        boolean complex = a.has("re");
        double[] re = numbers(a.get(complex ? "re" : "data"), f, where + "." + (complex ? "re" : "data"));
        double[] im = complex ? numbers(a.get("im"), f, where + ".im") : null;
        try {
            return new GoldenArray(dims, re, im);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(f, where + ": " + e.getMessage());
        }
    }

    private static double[] numbers(JsonNode n, Path f, String where) throws DataFileException {
        if (n == null || !n.isArray()) {
            throw new DataFileException(f, where + " is missing or not a list");
        }
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            if (!n.get(i).isNumber()) {
                throw new DataFileException(f, where + "[" + i + "] = " + n.get(i) + " is not a number");
            }
            v[i] = n.get(i).asDouble();
        }
        return v;
    }

    private static String text(JsonNode c, String field, Path f, String where) throws DataFileException {
        JsonNode n = c.get(field);
        if (n == null || !n.isTextual()) {
            throw new DataFileException(f, where + ": \"" + field + "\" is missing or not a string");
        }
        return n.asText();
    }

    private static double number(JsonNode c, String field, Path f, String where) throws DataFileException {
        JsonNode n = c.get(field);
        if (n == null || !n.isNumber()) {
            throw new DataFileException(f, where + ": \"" + field + "\" is missing or not a number");
        }
        return n.asDouble();
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
