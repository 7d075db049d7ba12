package org.convkit.cli.testdomain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.AtomicFiles;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;

/**
 * The test domain's format, {@code .tsig}: the magic {@code TSIG}, the channel and sample counts
 * (int32 little-endian), then the {@code [channels, samples]} values as float64 little-endian. The
 * rate is fixed at {@link TestSignalDomain#RATE} Hz. A magic of its own, so no real format (NPY,
 * CSV) claims its files when the real plugins are on the class path too.
 */
public final class TestSignalFormat implements FileFormat {
    static final byte[] MAGIC = {'T', 'S', 'I', 'G'};
    static final int HEADER = 12;

    @Override
    public String name() {
        return "test-sig";
    }

    @Override
    public List<String> extensions() {
        return List.of("tsig");
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        return head.length >= 4 && head[0] == 'T' && head[1] == 'S' && head[2] == 'I' && head[3] == 'G';
    }

    @Override
    public DataFile read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < HEADER || !recognises(file, all)) {
            throw new DataFileException(file, "header is " + all.length + " bytes or lacks the magic TSIG");
        }
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int channels = b.getInt(4);
        int samples = b.getInt(8);
        if (channels < 1 || samples < 1 || (long) channels * samples * 8 != all.length - HEADER) {
            throw new DataFileException(file, "header declares " + channels + " x " + samples + " values but the file"
                    + " holds " + (all.length - HEADER) + " bytes of data");
        }
        double[] v = new double[channels * samples];
        b.position(HEADER);
        b.asDoubleBuffer().get(v);
        List<Metadata.Channel> ch = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            ch.add(new Metadata.Channel("c" + (c + 1), "uV", TestSignalDomain.RATE, samples));
        }
        return new DataFile(name(), DoubleNd.of(Shape.of(channels, samples), v),
                Metadata.recording(TestSignalDomain.RATE, ch));
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public void write(DataFile file, Path target) throws IOException {
        NdArray a = file.data();
        if (a.shape().rank() != 2) {
            throw new IllegalArgumentException("test-sig holds [channels, samples], got " + a.shape());
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER + 8 * a.shape().size()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(a.shape().dim(0)).putInt(a.shape().dim(1));
        for (int i = 0; i < a.shape().size(); i++) {
            b.putDouble(a.getDouble(i));
        }
        AtomicFiles.write(target, out -> out.write(b.array()));
    }

    /** Writes {@code [channels, samples]} values (a test helper). */
    public static Path write(Path target, DoubleNd values) throws IOException {
        new TestSignalFormat().write(new DataFile("test-sig", values, Metadata.NONE), target);
        return target;
    }
}
