package org.convkit.domains.eeg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.DatasetLayouts;
import org.convkit.api.domain.Domains;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.train.Dataset;

/**
 * A data set of windows labelled by EDF+ annotations: every EDF/BDF file directly in a folder (or
 * one such file), each window taking the description of the annotation that covers its centre
 * ({@link EegWindows#label}); windows no annotation covers are dropped. Classes are the
 * descriptions that label at least one window, in name order.
 */
final class AnnotatedRecordings {

    private AnnotatedRecordings() {
    }

    /**
     * The EDF/BDF files {@code root} names for this layout: itself when it is one, the EDF/BDF files
     * directly in it (in name order) when it is a folder without a manifest, else an empty list.
     */
    static List<Path> files(Path root) throws IOException {
        if (Files.isRegularFile(root)) {
            return isEdf(root) ? List.of(root) : List.of();
        }
        if (!Files.isDirectory(root) || Files.isRegularFile(root.resolve(DatasetLayouts.MANIFEST))) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                if (Domains.hasExtension(p, List.of("edf", "bdf")) && isEdf(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static boolean isEdf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return EdfKind.of(in.readNBytes(8)) != null;
        }
    }

    /** Reads, filters and windows each file through {@code domain}, keeping the windows an annotation labels. */
    static Dataset load(Path root, List<Path> files, EegDomain domain) throws IOException {
        List<FloatNd> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Shape first = null;
        for (Path f : files) {
            DataFile data = domain.read(f);
            FloatNd windows = domain.samples(data, f);
            double rate = data.metadata().sampleRate();
            int item = windows.shape().size() / Math.max(1, windows.shape().dim(0));
            float[] all = windows.toArray();
            for (int k = 0; k < windows.shape().dim(0); k++) {
                String label = domain.windows().label(k, rate, data.metadata().annotations());
                if (label == null) {
                    continue;
                }
                if (first == null) {
                    first = windows.shape().dropFirst();
                } else if (!first.equals(windows.shape().dropFirst())) {
                    throw new DataFileException(f, "yields windows of shape " + windows.shape().dropFirst()
                            + " but earlier files gave " + first + " (channel count or sample rate differs)");
                }
                float[] one = new float[item];
                System.arraycopy(all, k * item, one, 0, item);
                parts.add(FloatNd.of(first.prepend(1), one));
                names.add(label);
            }
        }
        if (parts.isEmpty()) {
            throw new DataFileException(root, "no window centre lies in an annotation with a duration (" + files.size()
                    + " EDF/BDF files)");
        }
        List<String> classes = List.copyOf(new TreeSet<>(names));
        TreeMap<String, Integer> index = new TreeMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        int[] labels = names.stream().mapToInt(index::get).toArray();
        return new Dataset(DatasetLayouts.stack(parts), labels, classes);
    }
}
