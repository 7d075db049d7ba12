package org.convkit.api.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file whose content is malformed: a bad header, a value that is not a number, fewer bytes
 * than declared. The message names the file and states what is wrong, in one line.
 */
public final class DataFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public DataFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
