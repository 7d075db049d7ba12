package org.convkit.domains.eeg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.FileFormat;

/**
 * The EDF family's format: one {@link EdfKind} (EDF 16-bit, BDF 24-bit) to recognise by its version
 * field and to write; reading takes either kind. See {@link EdfReader} and {@link EdfWriter} for the
 * layout of the data.
 */
abstract sealed class EdfFamilyFormat implements FileFormat permits EdfFormat, BdfFormat {
    private final EdfKind kind;
    private final String extension;

    EdfFamilyFormat(EdfKind kind, String extension) {
        this.kind = kind;
        this.extension = extension;
    }

    @Override
    public final String name() {
        return kind.formatName;
    }

    @Override
    public final List<String> extensions() {
        return List.of(extension);
    }

    @Override
    public final boolean recognises(Path file, byte[] head) {
        return EdfKind.of(head) == kind;
    }

    @Override
    public final DataFile read(Path file) throws IOException {
        return EdfReader.read(file);
    }

    @Override
    public final boolean canWrite() {
        return true;
    }

    @Override
    public final void write(DataFile file, Path target) throws IOException {
        EdfWriter.write(file, target, kind);
    }
}
