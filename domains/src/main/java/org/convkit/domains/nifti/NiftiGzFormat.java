package org.convkit.domains.nifti;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.FileFormat;

/**
 * Gzip-compressed NIfTI, {@code .nii.gz}: recognised by the gzip magic and a {@code .nii.gz} or
 * {@code .nii} name (some tools compress without renaming; the header inside is checked when
 * read), read by {@link NiftiReader}, written compressed by {@link NiftiWriter}.
 */
public final class NiftiGzFormat implements FileFormat {

    private static final List<String> RECOGNISED = List.of("nii.gz", "nii");

    @Override
    public String name() {
        return "nifti-gz";
    }

    @Override
    public List<String> extensions() {
        return List.of("nii.gz");
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B
                && Domains.hasExtension(file, RECOGNISED);
    }

    @Override
    public DataFile read(Path file) throws IOException {
        return NiftiReader.read(file, name());
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public void write(DataFile file, Path target) throws IOException {
        NiftiWriter.write(file, target, true);
    }
}
