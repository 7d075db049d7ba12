package org.convkit.domains.eeg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.FileFormat;

/**
 * EDF and EDF+ (continuous), 16-bit ({@code .edf}). Reads EDF, EDF+C, and BDF/BDF+C as well when
 * handed one; writes EDF+C with an "EDF Annotations" signal. Recognised by its version field
 * {@code "0       "}. See {@link EdfReader} and {@link EdfWriter} for the layout of the data.
 */
public final class EdfFormat implements FileFormat {

    @Override
    public String name() {
        return EdfKind.EDF.formatName;
    }

    @Override
    public List<String> extensions() {
        return List.of("edf");
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        return EdfKind.of(head) == EdfKind.EDF;
    }

    @Override
    public DataFile read(Path file) throws IOException {
        return EdfReader.read(file);
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public void write(DataFile file, Path target) throws IOException {
        EdfWriter.write(file, target, EdfKind.EDF);
    }
}
