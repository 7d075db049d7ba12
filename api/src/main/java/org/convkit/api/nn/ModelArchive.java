package org.convkit.api.nn;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.convkit.api.io.DataFileException;
import org.convkit.api.io.Npy;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.NdArray;

/**
 * The zip container of model files and checkpoints. Writing is reproducible: entries in the order
 * added, stored uncompressed (so the bytes do not depend on the zlib version), every entry dated
 * {@link #ENTRY_TIME} in the DOS fields only, JSON pretty-printed with {@code \n} line ends and fields
 * in insertion order. Reading checks every entry's size and CRC and turns every malformation into a
 * {@link DataFileException} naming the file, the entry and the problem.
 */
final class ModelArchive {
    /**
     * The timestamp of every entry, set with {@link ZipEntry#setTimeLocal} so that it does not depend
     * on the time zone. Not 1980-01-01 00:00:00: the JDK reads that DOS value as "before 1980" and
     * then adds a time-zone dependent extended timestamp (reproducible Maven builds use :02 too).
     */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0, 2);

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION.mappedFeature());
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance));

    private ModelArchive() {
    }

    /** Entries to write, in order. */
    static final class Builder {
        private final Map<String, byte[]> entries = new LinkedHashMap<>();

        Builder json(String name, JsonNode node) {
            try {
                return bytes(name, (PRETTY.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        Builder npy(String name, NdArray a) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                Npy.write(out, a);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes(name, out.toByteArray());
        }

        Builder bytes(String name, byte[] content) {
            if (entries.putIfAbsent(name, content) != null) {
                throw new IllegalArgumentException("duplicate archive entry '" + name + "'");
            }
            return this;
        }

        void writeTo(OutputStream out) throws IOException {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            for (var e : entries.entrySet()) {
                byte[] content = e.getValue();
                ZipEntry z = new ZipEntry(e.getKey());
                z.setMethod(ZipEntry.STORED);
                z.setTimeLocal(ENTRY_TIME);
                z.setSize(content.length);
                z.setCompressedSize(content.length);
                z.setCrc(crc(content));
                zip.putNextEntry(z);
                zip.write(content);
                zip.closeEntry();
            }
            zip.finish();
        }
    }

    /** An archive opened for reading; every failure is a {@link DataFileException} naming {@link #file}. */
    static final class Reader implements Closeable {
        private final Path file;
        private final ZipFile zip;

        private Reader(Path file, ZipFile zip) {
            this.file = file;
            this.zip = zip;
        }

        static Reader open(Path file) throws IOException {
            try {
                return new Reader(file, new ZipFile(file.toFile(), StandardCharsets.UTF_8));
            } catch (ZipException e) {
                throw new DataFileException(file, "not a readable model archive (zip): " + e.getMessage());
            }
        }

        Path file() {
            return file;
        }

        DataFileException error(String problem) {
            return new DataFileException(file, problem);
        }

        /** The entry names, in archive order. */
        List<String> names() {
            List<String> out = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                out.add(en.nextElement().getName());
            }
            return out;
        }

        boolean has(String name) {
            return zip.getEntry(name) != null;
        }

        byte[] bytes(String name) throws IOException {
            ZipEntry z = zip.getEntry(name);
            if (z == null) {
                throw error("lacks the entry " + name);
            }
            if (z.getSize() > Npy.MAX_ELEMENTS) {
                throw error("entry " + name + " declares " + z.getSize() + " bytes, more than an array can hold");
            }
            byte[] content;
            try (InputStream in = zip.getInputStream(z)) {
                content = in.readAllBytes();
            } catch (IOException e) {
                throw error("entry " + name + " cannot be read: " + e.getMessage());
            }
            if (z.getSize() >= 0 && content.length != z.getSize()) {
                throw error("entry " + name + " holds " + content.length + " bytes but declares " + z.getSize());
            }
            if (z.getCrc() >= 0 && crc(content) != z.getCrc()) {
                throw error("entry " + name + " is damaged (its CRC-32 does not match)");
            }
            return content;
        }

        JsonNode json(String name) throws IOException {
            byte[] content = bytes(name);
            try {
                JsonNode node = JSON.readTree(content);
                if (node == null || !node.isObject()) {
                    throw error("entry " + name + " must hold a JSON object, got " + (node == null ? "nothing" : node));
                }
                return node;
            } catch (JsonProcessingException e) {
                throw error("entry " + name + " is not valid JSON: " + e.getOriginalMessage()
                        + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr()));
            }
        }

        /** A float32 {@code .npy} entry. */
        FloatNd floats(String name) throws IOException {
            NdArray a;
            try {
                a = Npy.read(bytes(name), Path.of(name));
            } catch (DataFileException e) {
                throw error("entry " + e.getMessage());
            }
            if (!(a instanceof FloatNd f)) {
                throw error("entry " + name + " holds " + a.dtype() + " values; model tensors are float32");
            }
            return f;
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    private static long crc(byte[] content) {
        CRC32 c = new CRC32();
        c.update(content);
        return c.getValue();
    }
}
