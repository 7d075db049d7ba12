package org.convkit.domains.video;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.AtomicFiles;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.domains.image.ImageDomain;
import org.convkit.domains.image.ImageIoFormat;
import org.convkit.domains.image.ImagePixels;
import org.convkit.domains.image.PngFormat;

/**
 * A video as a folder of numbered images ({@code frame0001.png}, {@code frame0002.png}, ...; any
 * prefix, any image format of the image domain, numbers consecutive), read as
 * {@code [C, frames, H, W]} with C as the images give it (see {@link ImagePixels}); every frame must
 * have the first one's shape. The frame rate, which images do not record, is kept in the optional
 * file {@value #SIDECAR} ({@code frameRate=25.0}); without it the rate is unknown ({@code NaN}).
 *
 * <p>Written as {@code frame0001.png} onwards (16-bit when the property
 * {@value ImageIoFormat#BIT_DEPTH} is {@code "16"}) into a new folder, which is then renamed to the
 * target in one step: the target must not exist or be an empty folder (a folder of frames is never
 * merged with or replaced by another). The format is recognised by being a folder holding numbered
 * images, whatever its name; written targets are named with the extension {@code .frames}.
 */
public final class FramesFormat implements FileFormat {

    /** The file holding the frame rate. */
    public static final String SIDECAR = "frames.properties";

    private static final Pattern NUMBERED = Pattern.compile("^(.*?)(\\d{1,9})\\.(png|bmp|gif|tif|tiff|jpg|jpeg)$",
            Pattern.CASE_INSENSITIVE);
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;
    private static final List<FileFormat> IMAGES = new ImageDomain().formats();

    @Override
    public String name() {
        return "frames";
    }

    @Override
    public List<String> extensions() {
        return List.of("frames");
    }

    /** A folder holding at least one numbered image; {@code head} is not used (it is empty for folders). */
    @Override
    public boolean recognises(Path file, byte[] head) {
        if (!Files.isDirectory(file)) {
            return false;
        }
        try (Stream<Path> s = Files.list(file)) {
            return s.anyMatch(p -> Files.isRegularFile(p) && NUMBERED.matcher(p.getFileName().toString()).matches());
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public DataFile read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new DataFileException(dir, "not a folder of numbered frames");
        }
        List<Path> frames = sequence(dir);
        DataFile first = Domains.formatFor(frames.get(0), IMAGES).read(frames.get(0));
        Shape s = first.data().shape();
        long total = (long) s.size() * frames.size();
        if (total > MAX_VALUES) {
            throw new DataFileException(dir, frames.size() + " frames of " + s + " hold " + total
                    + " values, more than the cap of " + MAX_VALUES);
        }
        int c = s.dim(0);
        int plane = s.dim(1) * s.dim(2);
        int n = frames.size();
        float[] out = new float[(int) total];
        for (int f = 0; f < n; f++) {
            DataFile frame = f == 0 ? first : Domains.formatFor(frames.get(f), IMAGES).read(frames.get(f));
            if (!frame.data().shape().equals(s)) {
                throw new DataFileException(frames.get(f), "frame " + (f + 1) + " is " + frame.data().shape()
                        + " but the first frame " + frames.get(0).getFileName() + " is " + s);
            }
            float[] v = frame.data().toFloat().toArray();
            for (int ch = 0; ch < c; ch++) {
                System.arraycopy(v, ch * plane, out, (ch * n + f) * plane, plane);
            }
        }
        double rate = rate(dir);
        List<Metadata.Channel> labels = new ArrayList<>();
        for (String l : ImagePixels.labels(c)) {
            labels.add(new Metadata.Channel(l, "", rate, n));
        }
        String depth = first.metadata().properties().getOrDefault(ImageIoFormat.BIT_DEPTH, "8");
        return new DataFile(name(), FloatNd.of(Shape.of(c, n, s.dim(1), s.dim(2)), out),
                Metadata.recording(rate, labels).withProperties(Map.of(ImageIoFormat.BIT_DEPTH, depth)));
    }

    /** The numbered images of {@code dir} in order, checked to form one gapless sequence. */
    static List<Path> sequence(Path dir) throws IOException {
        Map<String, TreeMap<Long, Path>> groups = new TreeMap<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                Matcher m = NUMBERED.matcher(p.getFileName().toString());
                if (!Files.isRegularFile(p) || p.getFileName().toString().startsWith(".") || !m.matches()) {
                    continue;
                }
                String key = m.group(1) + "#." + m.group(3).toLowerCase(Locale.ROOT);
                Path clash = groups.computeIfAbsent(key, k -> new TreeMap<>()).put(Long.parseLong(m.group(2)), p);
                if (clash != null) {
                    throw new DataFileException(dir, "frames " + clash.getFileName() + " and " + p.getFileName()
                            + " have the same number");
                }
            }
        }
        if (groups.isEmpty()) {
            throw new DataFileException(dir, "holds no numbered images (expected frame0001.png, frame0002.png, ...)");
        }
        if (groups.size() > 1) {
            throw new DataFileException(dir, "holds numbered images of " + groups.size() + " sequences "
                    + groups.keySet().stream().map(k -> k.replace("#", "N")).toList() + "; expected one");
        }
        TreeMap<Long, Path> seq = groups.values().iterator().next();
        long expected = seq.firstKey();
        for (Map.Entry<Long, Path> e : seq.entrySet()) {
            if (e.getKey() != expected) {
                throw new DataFileException(dir, "frame number " + expected + " is missing (the sequence goes from "
                        + seq.get(seq.firstKey()).getFileName() + " to " + seq.get(seq.lastKey()).getFileName() + ")");
            }
            expected++;
        }
        return new ArrayList<>(seq.values());
    }

    private static double rate(Path dir) throws IOException {
        Path sidecar = dir.resolve(SIDECAR);
        if (!Files.isRegularFile(sidecar)) {
            return Double.NaN;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(sidecar)) {
            p.load(in);
        }
        String v = p.getProperty("frameRate");
        if (v == null) {
            return Double.NaN;
        }
        try {
            double rate = Double.parseDouble(v.strip());
            if (rate > 0 && Double.isFinite(rate)) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DataFileException(sidecar, "field 'frameRate' is '" + v + "', expected a positive number");
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public void write(DataFile file, Path target) throws IOException {
        FloatNd data = file.data().toFloat();
        Shape s = data.shape();
        if (s.rank() != 4 || s.dim(0) < 1 || s.dim(0) > 4 || s.dim(1) < 1) {
            throw new IllegalArgumentException("frames hold [1..4 channels, frames, height, width] with at least one"
                    + " frame, got shape " + s);
        }
        Path abs = target.toAbsolutePath();
        if (Files.exists(abs) && !(Files.isDirectory(abs) && isEmpty(abs))) {
            throw new FileAlreadyExistsException(abs.toString(), null, "a folder of frames is only written to a new"
                    + " or empty folder");
        }
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current()
                .nextLong()) + ".tmp");
        Files.createDirectory(tmp);
        boolean moved = false;
        try {
            writeFrames(data, file.metadata(), tmp);
            Files.deleteIfExists(abs); // an empty folder only, checked above
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } finally {
            if (!moved) {
                deleteTree(tmp);
            }
        }
    }

    private static void writeFrames(FloatNd data, Metadata m, Path dir) throws IOException {
        Shape s = data.shape();
        int c = s.dim(0);
        int n = s.dim(1);
        int plane = s.dim(2) * s.dim(3);
        int digits = Math.max(4, Integer.toString(n).length());
        float[] v = data.toArray();
        Metadata frameMeta = Metadata.NONE.withProperties(m.properties());
        PngFormat png = new PngFormat();
        for (int f = 0; f < n; f++) {
            float[] frame = new float[c * plane];
            for (int ch = 0; ch < c; ch++) {
                System.arraycopy(v, (ch * n + f) * plane, frame, ch * plane, plane);
            }
            png.write(new DataFile("png", FloatNd.of(Shape.of(c, s.dim(2), s.dim(3)), frame), frameMeta),
                    dir.resolve(String.format("frame%0" + digits + "d.png", f + 1)));
        }
        if (!Double.isNaN(m.sampleRate())) {
            byte[] text = ("frameRate=" + m.sampleRate() + "\n").getBytes(StandardCharsets.ISO_8859_1);
            AtomicFiles.write(dir.resolve(SIDECAR), out -> out.write(text));
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
