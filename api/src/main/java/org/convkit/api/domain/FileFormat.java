package org.convkit.api.domain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A file format convkit reads (and perhaps writes). Found with {@link java.util.ServiceLoader}
 * through {@link Domains#formats()}; implementations are stateless and thread-safe.
 *
 * <p>Readers check every header field against the file's length before allocating: a header that
 * declares more data than the file holds, a size beyond a sane cap, a wrong magic number or a value
 * out of range is a {@link org.convkit.api.io.DataFileException} naming the file, the field and the
 * value, never an out-of-memory error. Writers write atomically ({@link org.convkit.api.io.AtomicFiles}).
 */
public interface FileFormat {

    /** A short lower-case name: {@code "wav"}, {@code "edf"}, {@code "nifti"}. */
    String name();

    /** File name endings this format claims, lower case, without the dot: {@code "nii.gz"}, {@code "wav"}. */
    List<String> extensions();

    /**
     * Whether this format recognises a file: by its magic bytes where the format has them, else by
     * its name. {@code head} holds the file's first bytes (up to 512, fewer for short files); it is
     * empty when {@code file} is a folder (formats stored as a folder, such as numbered video frames).
     */
    boolean recognises(Path file, byte[] head);

    /** Decodes a file. */
    DataFile read(Path file) throws IOException;

    /** Whether {@link #write} is supported. */
    default boolean canWrite() {
        return false;
    }

    /**
     * Encodes {@code file} to {@code target} atomically. Values the format cannot hold exactly are
     * rounded as the format defines (PCM quantisation, EDF digital range).
     *
     * @throws IllegalArgumentException when the data's rank or shape does not fit the format
     * @throws UnsupportedOperationException when the format is read-only
     */
    default void write(DataFile file, Path target) throws IOException {
        throw new UnsupportedOperationException(name() + " files can be read but not written");
    }
}
