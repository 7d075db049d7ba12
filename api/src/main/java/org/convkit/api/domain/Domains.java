package org.convkit.api.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.convkit.api.io.DataFileException;

/** The domains and file formats found with {@link ServiceLoader}, and format lookup by file. */
public final class Domains {

    private Domains() {
    }

    /** Every domain found, sorted by rank then name. */
    public static List<Domain> all() {
        List<Domain> out = new ArrayList<>();
        ServiceLoader.load(Domain.class, Domains.class.getClassLoader()).forEach(out::add);
        out.sort(Comparator.comparingInt(Domain::rank).thenComparing(Domain::name));
        return out;
    }

    /**
     * The domain called {@code name}.
     *
     * @throws IllegalArgumentException naming the domains found when there is none of that name
     */
    public static Domain named(String name) {
        for (Domain d : all()) {
            if (d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no domain called '" + name + "'; found: "
                + all().stream().map(Domain::name).toList());
    }

    /** Every format found: those registered directly and those of every domain, once each by name. */
    public static List<FileFormat> formats() {
        Map<String, FileFormat> byName = new LinkedHashMap<>();
        ServiceLoader.load(FileFormat.class, Domains.class.getClassLoader()).forEach(f -> byName.putIfAbsent(f.name(), f));
        for (Domain d : all()) {
            for (FileFormat f : d.formats()) {
                byName.putIfAbsent(f.name(), f);
            }
        }
        return List.copyOf(byName.values());
    }

    /** Decodes a file in any format found. */
    public static DataFile read(Path file) throws IOException {
        return formatFor(file, formats()).read(file);
    }

    /** Encodes to the format {@code target}'s name selects among every format found. */
    public static void write(DataFile data, Path target) throws IOException {
        writerFor(target, formats()).write(data, target);
    }

    /**
     * The first of {@code candidates} that recognises {@code file}, a regular file (whose first 512
     * bytes are the head) or a folder (given an empty head).
     *
     * @throws DataFileException when none does, naming the formats tried
     */
    public static FileFormat formatFor(Path file, List<FileFormat> candidates) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        // a format may be a folder (numbered video frames): only a regular file has a head to read
        byte[] head = Files.isRegularFile(file) ? head(file) : new byte[0];
        for (FileFormat f : candidates) {
            if (f.recognises(file, head)) {
                return f;
            }
        }
        throw new DataFileException(file, "not a recognised format (tried "
                + candidates.stream().map(FileFormat::name).toList() + ")");
    }

    /**
     * The writable format among {@code candidates} whose extension ends {@code target}'s name, the
     * longest extension first ({@code nii.gz} before {@code gz}).
     *
     * @throws IllegalArgumentException when none claims it
     */
    public static FileFormat writerFor(Path target, List<FileFormat> candidates) {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        FileFormat best = null;
        int bestLength = -1;
        for (FileFormat f : candidates) {
            if (!f.canWrite()) {
                continue;
            }
            for (String ext : f.extensions()) {
                if (name.endsWith("." + ext) && ext.length() > bestLength) {
                    best = f;
                    bestLength = ext.length();
                }
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no writable format for '" + target.getFileName() + "'; writable: "
                    + candidates.stream().filter(FileFormat::canWrite).map(f -> f.name() + " " + f.extensions()).toList());
        }
        return best;
    }

    /** Whether {@code file}'s name ends with one of {@code extensions} (case-insensitive). */
    public static boolean hasExtension(Path file, List<String> extensions) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String ext : extensions) {
            if (name.endsWith("." + ext)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(512);
        }
    }
}
