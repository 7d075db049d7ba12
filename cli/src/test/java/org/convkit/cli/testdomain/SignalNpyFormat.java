package org.convkit.cli.testdomain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.io.Npy;
import org.convkit.api.nd.NdArray;

/**
 * The test domain's format: a {@code .sig.npy} file holding a {@code [channels, samples]} float64
 * recording at {@link TestSignalDomain#RATE} Hz (NPY has no room for a rate, so it is fixed).
 */
public final class SignalNpyFormat implements FileFormat {

    @Override
    public String name() {
        return "test-sig";
    }

    @Override
    public List<String> extensions() {
        return List.of("sig.npy");
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        return Domains.hasExtension(file, extensions()) && head.length >= 6 && (head[0] & 0xff) == 0x93
                && head[1] == 'N' && head[2] == 'U' && head[3] == 'M' && head[4] == 'P' && head[5] == 'Y';
    }

    @Override
    public DataFile read(Path file) throws IOException {
        NdArray a = Npy.read(file);
        if (a.shape().rank() != 2) {
            throw new DataFileException(file, "shape is " + a.shape() + ", expected [channels, samples]");
        }
        int channels = a.shape().dim(0);
        long samples = a.shape().dim(1);
        List<Metadata.Channel> ch = new java.util.ArrayList<>();
        for (int c = 0; c < channels; c++) {
            ch.add(new Metadata.Channel("c" + (c + 1), "uV", TestSignalDomain.RATE, samples));
        }
        return new DataFile(name(), a.toDouble(), Metadata.recording(TestSignalDomain.RATE, ch));
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public void write(DataFile file, Path target) throws IOException {
        if (file.data().shape().rank() != 2) {
            throw new IllegalArgumentException("test-sig holds [channels, samples], got " + file.data().shape());
        }
        Npy.write(target, file.data().toDouble());
    }
}
