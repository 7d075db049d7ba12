package org.convkit.domains.eeg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.FileFormat;

/**
 * BDF and BDF+ (continuous), BioSemi's 24-bit EDF ({@code .bdf}). Reads BDF, BDF+C, and EDF/EDF+C as well when
 * handed one; writes BDF+C with a "BDF Annotations" signal. Recognised by its version field
 * {@code 0xFF "BIOSEMI"}. See {@link EdfReader} and {@link EdfWriter} for the layout of the data.
 */
public final class BdfFormat implements FileFormat {

    @Override
    public String name() {
        return EdfKind.BDF.formatName;
    }

    @Override
    public List<String> extensions() {
        return List.of("bdf");
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        return EdfKind.of(head) == EdfKind.BDF;
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
        EdfWriter.write(file, target, EdfKind.BDF);
    }
}
