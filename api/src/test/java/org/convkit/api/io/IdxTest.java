package org.convkit.api.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {

    @TempDir
    Path dir;

    /** An IDX file with any type byte, dimensions and data bytes. */
    private static byte[] idx(int type, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.put(data).array();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
            z.write(raw);
        }
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private static byte[] ramp(int n) {
        byte[] d = new byte[n];
        for (int i = 0; i < n; i++) {
            d[i] = (byte) (i * 37);
        }
        return d;
    }

    @Test
    void readsShapeAndUnsignedValuesBigEndianDimensions() throws IOException {
        byte[] data = ramp(2 * 3 * 300);
        Idx.Bytes b = Idx.read(write("a-idx3-ubyte", idx(0x08, new int[] {2, 3, 300}, data)));
        assertEquals(Shape.of(2, 3, 300), b.shape());
        for (int i = 0; i < data.length; i++) {
            assertEquals(data[i] & 0xff, b.unsigned(i));
        }
    }

    @Test
    void gzipIsDetectedByItsMagicBytesWhateverTheName() throws IOException {
        byte[] raw = idx(0x08, new int[] {4, 5}, ramp(20));
        Idx.Bytes plain = Idx.read(write("plain", raw));
        Idx.Bytes packed = Idx.read(write("packed-without-extension", gzip(raw)));
        assertEquals(plain.shape(), packed.shape());
        assertArrayEquals(plain.data(), packed.data());
    }

    @Test
    void toFloatDividesAsTorchvisionToTensor() throws IOException {
        byte[] data = {0, 1, (byte) 128, (byte) 255};
        FloatNd f = Idx.read(write("f", idx(0x08, new int[] {4}, data))).toFloat(255f);
        for (int i = 0; i < 4; i++) {
            assertEquals((data[i] & 0xff) / 255f, f.data()[i]);
        }
        assertEquals(1f, f.data()[3]);
    }

    @Test
    void headerDeclaringMoreDataThanTheFileHoldsNamesTheField() throws IOException {
        Path p = write("short", idx(0x08, new int[] {10, 28, 28}, new byte[100]));
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.read(p));
        assertTrue(e.getMessage().contains("field 'dimensions' [10, 28, 28] declares 7840 bytes"), e.getMessage());
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
    }

    @Test
    void truncatedGzipFileIsADataFileException() throws IOException {
        byte[] packed = gzip(idx(0x08, new int[] {50, 28, 28}, ramp(50 * 28 * 28)));
        Path p = write("cut.gz", Arrays.copyOf(packed, packed.length / 2));
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.read(p));
        assertTrue(e.getMessage().contains("field 'dimensions' [50, 28, 28] declares 39200 bytes"), e.getMessage());
    }

    @Test
    void gzipHeaderDeclaringMoreThanTheStreamHoldsIsADataFileException() throws IOException {
        Path p = write("lying.gz", gzip(idx(0x08, new int[] {60000, 28, 28}, new byte[784])));
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.read(p));
        assertTrue(e.getMessage().contains("the file ends after 784"), e.getMessage());
    }

    @Test
    void extraBytesAfterTheDeclaredDataAreRefused() throws IOException {
        Path p = write("long", idx(0x08, new int[] {3}, new byte[5]));
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.read(p));
        assertTrue(e.getMessage().contains("declares 3 bytes of data but 5 bytes follow"), e.getMessage());
    }

    @Test
    void sizeBeyondTheCapIsRefusedBeforeAllocating() throws IOException {
        Path p = write("huge", idx(0x08, new int[] {65536, 65536}, new byte[16]));
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.read(p));
        assertTrue(e.getMessage().contains("field 'dimensions' [65536, 65536] holds more than the cap"),
                e.getMessage());
    }

    @Test
    void dimensionAboveTwoToThe31IsNamed() throws IOException {
        Path p = write("neg", idx(0x08, new int[] {-1}, new byte[0]));
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.read(p));
        assertTrue(e.getMessage().contains("field 'dimension 0' is 4294967295"), e.getMessage());
    }

    @Test
    void fileEndingInsideTheHeaderIsADataFileException() throws IOException {
        byte[] full = idx(0x08, new int[] {2, 2}, new byte[4]);
        Path p = write("stub", Arrays.copyOf(full, 6));
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.read(p));
        assertTrue(e.getMessage().contains("file ends inside the header"), e.getMessage());
    }

    @Test
    void otherMagicNumbersAndTypesAreRefusedByName() throws IOException {
        Path png = write("png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});
        assertTrue(assertThrows(DataFileException.class, () -> Idx.read(png)).getMessage().contains("not an IDX file"));
        Path floats = write("floats", idx(0x0D, new int[] {1}, new byte[4]));
        assertTrue(assertThrows(DataFileException.class, () -> Idx.read(floats)).getMessage()
                .contains("field 'type' is 0x0d"));
        Path noDims = write("nodims", idx(0x08, new int[0], new byte[0]));
        assertTrue(assertThrows(DataFileException.class, () -> Idx.read(noDims)).getMessage()
                .contains("field 'ndims' is 0"));
    }

    @Test
    void damagedGzipDataIsADataFileException() throws IOException {
        byte[] packed = gzip(idx(0x08, new int[] {100}, ramp(100)));
        for (int i = 12; i < packed.length - 8; i++) {
            packed[i] ^= (byte) 0x5a;
        }
        Path p = write("damaged.gz", packed);
        assertThrows(DataFileException.class, () -> Idx.read(p));
    }
}
