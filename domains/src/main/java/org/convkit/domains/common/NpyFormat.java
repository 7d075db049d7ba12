package org.convkit.domains.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.Npy;

/**
 * NumPy's {@code .npy}: any array, any rank, through {@link Npy} (which states the dtypes read and
 * the checks made). The file holds values only, so a read gives {@link Metadata#NONE} and a write
 * keeps nothing of the metadata; float64 data is written as {@code <f8}, float32 as {@code <f4},
 * values unchanged. Shared by the domains whose data has no richer format (spectrograms) and
 * usable for any other.
 */
public final class NpyFormat implements FileFormat {

    /** The format's name. */
    public static final String NAME = "npy";

    private static final List<String> EXTENSIONS = List.of("npy");
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return EXTENSIONS;
    }

    /** By the {@code \x93NUMPY} magic, else by a {@code .npy} name. */
    @Override
    public boolean recognises(Path file, byte[] head) {
        if (head.length >= MAGIC.length) {
            boolean magic = true;
            for (int i = 0; i < MAGIC.length; i++) {
                magic &= head[i] == MAGIC[i];
            }
            if (magic) {
                return true;
            }
        }
        return Domains.hasExtension(file, EXTENSIONS);
    }

    @Override
    public DataFile read(Path file) throws IOException {
        return new DataFile(NAME, Npy.read(file), Metadata.NONE);
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public void write(DataFile file, Path target) throws IOException {
        Npy.write(target, file.data());
    }
}
