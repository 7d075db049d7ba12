package org.convkit.domains.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.FileFormat;

/**
 * A format as a domain that can read it but not write its own data to it sees it: same name,
 * extensions, recognition and reader, {@link #canWrite()} false. (The spectrogram domain reads WAV
 * recordings but has no spectrogram to put in one.)
 *
 * @param format the format read through
 */
public record ReadOnlyFormat(FileFormat format) implements FileFormat {

    public ReadOnlyFormat {
        if (format == null) {
            throw new IllegalArgumentException("format must not be null");
        }
    }

    @Override
    public String name() {
        return format.name();
    }

    @Override
    public List<String> extensions() {
        return format.extensions();
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        return format.recognises(file, head);
    }

    @Override
    public DataFile read(Path file) throws IOException {
        return format.read(file);
    }
}
