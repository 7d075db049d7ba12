package org.convkit.api.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.train.Dataset;

/**
 * The generic data-set layouts every domain accepts: a folder per class ({@code root/<class>/<file>},
 * classes in name order, files in name order) or a CSV manifest {@code root/manifest.csv} (or
 * {@code root} itself a {@code .csv}) with a {@code path,label} header, paths relative to the manifest,
 * classes in order of first appearance.
 */
public final class DatasetLayouts {

    /** The manifest file name looked for in a folder. */
    public static final String MANIFEST = "manifest.csv";

    private DatasetLayouts() {
    }

    /** Loads {@code root} as a manifest or a folder per class, each file through {@code domain}. */
    public static Dataset load(Path root, Domain domain) throws IOException {
        if (!Files.exists(root)) {
            throw new NoSuchFileException(root.toString());
        }
        if (Files.isRegularFile(root)) {
            return fromManifest(root, domain);
        }
        Path manifest = root.resolve(MANIFEST);
        if (Files.isRegularFile(manifest)) {
            return fromManifest(manifest, domain);
        }
        return fromClassFolders(root, domain);
    }

    /** Files per class, in label order, from a folder per class. */
    public static Map<String, List<Path>> classFolders(Path root) throws IOException {
        Map<String, List<Path>> byClass = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    List<Path> list = files.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
                    if (!list.isEmpty()) {
                        byClass.put(dir.getFileName().toString(), list);
                    }
                }
            }
        }
        if (byClass.isEmpty()) {
            throw new DataFileException(root, "no class folders with files (expected root/<class>/<file> or "
                    + MANIFEST + ")");
        }
        return byClass;
    }

    private static Dataset fromClassFolders(Path root, Domain domain) throws IOException {
        return build(classFolders(root), domain);
    }

    /** Files per class, in order of first appearance, from a {@code path,label} manifest. */
    public static Map<String, List<Path>> manifest(Path manifest) throws IOException {
        Map<String, List<Path>> byClass = new LinkedHashMap<>();
        Path base = manifest.toAbsolutePath().getParent();
        try (BufferedReader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.strip().replace(" ", "").equalsIgnoreCase("path,label")) {
                throw new DataFileException(manifest, "header must be 'path,label', got '" + header + "'");
            }
            String line;
            int row = 1;
            while ((line = in.readLine()) != null) {
                row++;
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.lastIndexOf(',');
                if (comma <= 0 || comma == line.length() - 1) {
                    throw new DataFileException(manifest, "row " + row + " must be 'path,label', got '" + line + "'");
                }
                Path file = base.resolve(line.substring(0, comma).strip());
                if (!Files.isRegularFile(file)) {
                    throw new DataFileException(manifest, "row " + row + ": file " + file + " does not exist");
                }
                byClass.computeIfAbsent(line.substring(comma + 1).strip(), k -> new ArrayList<>()).add(file);
            }
        }
        if (byClass.isEmpty()) {
            throw new DataFileException(manifest, "no rows after the header");
        }
        return byClass;
    }

    private static Dataset fromManifest(Path manifest, Domain domain) throws IOException {
        return build(manifest(manifest), domain);
    }

    /** Reads every file through {@code domain} and stacks their samples, labelled by class. */
    public static Dataset build(Map<String, List<Path>> byClass, Domain domain) throws IOException {
        List<FloatNd> parts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int label = 0;
        for (List<Path> files : byClass.values()) {
            for (Path f : files) {
                FloatNd s = domain.samples(domain.read(f));
                parts.add(checked(s, f, parts.isEmpty() ? null : parts.get(0).shape()));
                for (int i = 0; i < s.shape().dim(0); i++) {
                    labels.add(label);
                }
            }
            label++;
        }
        return new Dataset(stack(parts), labels.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(byClass.keySet()));
    }

    /** The default {@link Domain#synthetic}: {@code perClass} synthetic files per class, seeds drawn from {@code seed}. */
    public static Dataset synthetic(Domain domain, int perClass, long seed) throws IOException {
        if (perClass < 1) {
            throw new IllegalArgumentException("perClass must be at least 1, got " + perClass);
        }
        List<String> classes = domain.syntheticClasses();
        SplittableRandom rng = new SplittableRandom(seed);
        List<FloatNd> parts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < perClass; i++) {
            for (int c = 0; c < classes.size(); c++) {
                FloatNd s = domain.samples(domain.syntheticFile(c, rng.nextLong()));
                parts.add(s);
                for (int j = 0; j < s.shape().dim(0); j++) {
                    labels.add(c);
                }
            }
        }
        return new Dataset(stack(parts), labels.stream().mapToInt(Integer::intValue).toArray(), classes);
    }

    private static FloatNd checked(FloatNd s, Path file, Shape first) throws DataFileException {
        if (first != null && !s.shape().dropFirst().equals(first.dropFirst())) {
            throw new DataFileException(file, "yields samples of shape " + s.shape().dropFirst()
                    + " but earlier files gave " + first.dropFirst());
        }
        return s;
    }

    /** Concatenates {@code [n_i, ...]} arrays of equal item shape along the first axis. */
    public static FloatNd stack(List<FloatNd> parts) {
        Shape item = parts.get(0).shape().dropFirst();
        int n = 0;
        for (FloatNd p : parts) {
            if (!p.shape().dropFirst().equals(item)) {
                throw new IllegalArgumentException("cannot stack samples of shape " + p.shape().dropFirst()
                        + " with " + item);
            }
            n += p.shape().dim(0);
        }
        int[] dims = new int[item.rank() + 1];
        dims[0] = n;
        for (int a = 0; a < item.rank(); a++) {
            dims[a + 1] = item.dim(a);
        }
        float[] out = new float[n * item.size()];
        int at = 0;
        for (FloatNd p : parts) {
            float[] src = p.toArray();
            System.arraycopy(src, 0, out, at, src.length);
            at += src.length;
        }
        return FloatNd.of(Shape.of(dims), out);
    }
}
