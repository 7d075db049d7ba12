package org.convkit.domains.nifti;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.FileFormat;

/**
 * NIfTI-1/NIfTI-2 single-file volumes, {@code .nii}: recognised by {@code sizeof_hdr} and magic,
 * read by {@link NiftiReader} (which also inflates gzip data, whatever the name), written
 * uncompressed by {@link NiftiWriter}. {@link NiftiGzFormat} is the {@code .nii.gz} twin.
 */
public final class NiftiFormat implements FileFormat {

    @Override
    public String name() {
        return "nifti";
    }

    @Override
    public List<String> extensions() {
        return List.of("nii");
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        return NiftiHeader.looksLikeNifti(head);
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
        NiftiWriter.write(file, target, false);
    }
}
