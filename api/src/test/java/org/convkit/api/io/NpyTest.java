package org.convkit.api.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

    @TempDir
    Path dir;

    private static double[] random(int n, long seed) {
        Random r = new Random(seed);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = r.nextGaussian();
        }
        return d;
    }

    /** A .npy file as numpy would write it, with any header text and data bytes. */
    private Path npy(String name, int major, String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(8 + (major == 1 ? 2 : 4) + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) h.length);
        } else {
            b.putInt(h.length);
        }
        b.put(h).put(data);
        Path p = dir.resolve(name);
        Files.write(p, b.array());
        return p;
    }

    private static byte[] bytes(ByteOrder order, int size, double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * size).order(order);
        for (double v : values) {
            switch (size) {
                case 8 -> b.putDouble(v);
                case 4 -> b.putFloat((float) v);
                default -> throw new IllegalArgumentException();
            }
        }
        return b.array();
    }

    @Test
    void float64RoundTripKeepsShapeAndValuesExactly() throws IOException {
        DoubleNd a = DoubleNd.of(Shape.of(3, 4, 5), random(60, 1));
        Path p = dir.resolve("a.npy");
        Npy.write(p, a);
        NdArray back = Npy.read(p);
        assertInstanceOf(DoubleNd.class, back);
        assertEquals(a.shape(), back.shape());
        assertArrayEquals(a.toArray(), ((DoubleNd) back).toArray());
    }

    @Test
    void float32RoundTripStaysFloat32() throws IOException {
        float[] f = {1.5f, -2.25f, 3e-8f, Float.MAX_VALUE};
        Path p = dir.resolve("f.npy");
        Npy.write(p, FloatNd.of(Shape.of(2, 2), f));
        NdArray back = Npy.read(p);
        assertInstanceOf(FloatNd.class, back);
        assertArrayEquals(f, ((FloatNd) back).data());
    }

    @Test
    void scalarAndEmptyArraysRoundTrip() throws IOException {
        Path s = dir.resolve("s.npy");
        Npy.write(s, DoubleNd.of(Shape.of(), 4.0));
        assertEquals(Shape.of(), Npy.read(s).shape());
        assertEquals(4.0, Npy.read(s).getDouble(0));
        Path e = dir.resolve("e.npy");
        Npy.write(e, DoubleNd.zeros(Shape.of(0, 3)));
        assertEquals(Shape.of(0, 3), Npy.read(e).shape());
    }

    @Test
    void writtenHeaderIsVersion1AlignedTo64BytesAndEndsWithNewline() throws IOException {
        Path p = dir.resolve("h.npy");
        Npy.write(p, DoubleNd.vector(1, 2, 3));
        byte[] b = Files.readAllBytes(p);
        assertEquals(1, b[6]);
        int hlen = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        assertEquals(0, (10 + hlen) % 64);
        assertEquals('\n', b[10 + hlen - 1]);
        String header = new String(b, 10, hlen, StandardCharsets.ISO_8859_1).trim();
        assertEquals("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", header);
        assertEquals(10 + hlen + 24, b.length);
    }

    @Test
    void readsVersion2And3Headers() throws IOException {
        byte[] data = bytes(ByteOrder.LITTLE_ENDIAN, 8, 1, 2);
        for (int v : new int[] {2, 3}) {
            Path p = npy("v" + v + ".npy", v, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }\n", data);
            assertArrayEquals(new double[] {1, 2}, Npy.read(p).toDouble().toArray());
        }
    }

    @Test
    void bigEndianFloatsAreConverted() throws IOException {
        Path p = npy("be.npy", 1, "{'descr': '>f8', 'fortran_order': False, 'shape': (2,), }",
                bytes(ByteOrder.BIG_ENDIAN, 8, 1.25, -7));
        assertArrayEquals(new double[] {1.25, -7}, Npy.read(p).toDouble().toArray());
        Path q = npy("be4.npy", 1, "{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }",
                bytes(ByteOrder.BIG_ENDIAN, 4, 1.25, -7));
        assertInstanceOf(FloatNd.class, Npy.read(q));
        assertArrayEquals(new double[] {1.25, -7}, Npy.read(q).toDouble().toArray());
    }

    @Test
    void integerDtypesAreReadAsFloat64() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(3 * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(-3).putLong(1L << 40).putLong(7);
        Path i8 = npy("i8.npy", 1, "{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }", b.array());
        assertArrayEquals(new double[] {-3, 1L << 40, 7}, ((DoubleNd) Npy.read(i8)).toArray());
        ByteBuffer c = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(-5).putInt(9);
        Path i4 = npy("i4.npy", 1, "{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }", c.array());
        assertArrayEquals(new double[] {-5, 9}, ((DoubleNd) Npy.read(i4)).toArray());
        ByteBuffer d = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) -300).putShort((short) 2);
        Path i2 = npy("i2.npy", 1, "{'descr': '<i2', 'fortran_order': False, 'shape': (2,), }", d.array());
        assertArrayEquals(new double[] {-300, 2}, ((DoubleNd) Npy.read(i2)).toArray());
        Path u1 = npy("u1.npy", 1, "{'descr': '|u1', 'fortran_order': False, 'shape': (2, 1), }", new byte[] {(byte) 200, 3});
        assertArrayEquals(new double[] {200, 3}, ((DoubleNd) Npy.read(u1)).toArray());
        Path i1 = npy("i1.npy", 1, "{'descr': '|i1', 'fortran_order': False, 'shape': (2,), }", new byte[] {(byte) 200, 3});
        assertArrayEquals(new double[] {-56, 3}, ((DoubleNd) Npy.read(i1)).toArray());
    }

    @Test
    void headerKeysMayComeInAnyOrderWithExtraSpaces() throws IOException {
        Path p = npy("o.npy", 1, "{ \"shape\" : ( 1 , 2 ) , 'fortran_order':False,'descr':'<f8'}   \n",
                bytes(ByteOrder.LITTLE_ENDIAN, 8, 5, 6));
        assertEquals(Shape.of(1, 2), Npy.read(p).shape());
    }

    private String readError(Path p) {
        return assertThrows(DataFileException.class, () -> Npy.read(p)).getMessage();
    }

    @Test
    void fortranOrderIsAnErrorNamingTheFile() throws IOException {
        Path p = npy("fortran.npy", 1, "{'descr': '<f8', 'fortran_order': True, 'shape': (1, 2), }",
                bytes(ByteOrder.LITTLE_ENDIAN, 8, 5, 6));
        String m = readError(p);
        assertTrue(m.startsWith(p.toString()) && m.contains("fortran_order"), m);
    }

    @Test
    void headerDeclaringMoreDataThanTheFileHoldsNamesFieldAndValue() throws IOException {
        Path p = npy("huge.npy", 1, "{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }",
                bytes(ByteOrder.LITTLE_ENDIAN, 8, 1, 2));
        String m = readError(p);
        assertTrue(m.contains("huge.npy") && m.contains("'shape'") && m.contains("(100000, 100000)"), m);
    }

    @Test
    void headerDeclaringMoreDataThanFitsInMemoryIsRejectedWithoutAllocating() throws IOException {
        Path p = npy("giant.npy", 1, "{'descr': '<f8', 'fortran_order': False, 'shape': (999999999999999999,), }",
                new byte[8]);
        String m = readError(p);
        assertTrue(m.contains("giant.npy") && m.contains("999999999999999999"), m);
    }

    @Test
    void truncatedDataIsAnError() throws IOException {
        Path p = dir.resolve("t.npy");
        Npy.write(p, DoubleNd.vector(1, 2, 3, 4));
        byte[] b = Files.readAllBytes(p);
        Files.write(p, Arrays.copyOf(b, b.length - 5));
        String m = readError(p);
        assertTrue(m.contains("t.npy") && m.contains("bytes"), m);
    }

    @Test
    void fileEndingInsideTheHeaderIsAnError() throws IOException {
        Path p = dir.resolve("h.npy");
        Npy.write(p, DoubleNd.vector(1, 2));
        Files.write(p, Arrays.copyOf(Files.readAllBytes(p), 30));
        assertTrue(readError(p).contains("header"));
    }

    @Test
    void trailingBytesAfterTheDataAreAnError() throws IOException {
        Path p = npy("tail.npy", 1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }",
                bytes(ByteOrder.LITTLE_ENDIAN, 8, 1, 2));
        assertTrue(readError(p).contains("16 bytes follow"));
    }

    @Test
    void malformedHeadersAreRejected() throws IOException {
        byte[] one = bytes(ByteOrder.LITTLE_ENDIAN, 8, 1);
        String[] bad = {
            "{'descr': '<f8', 'fortran_order': False}",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (1), }",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'extra': 1}",
            "{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (1,)}",
            "{'descr': '<f8', 'fortran_order': 0, 'shape': (1,)}",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}",
            "{'descr': '<c16', 'fortran_order': False, 'shape': (1,)}",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (1,)} junk",
            "['descr', '<f8']",
        };
        for (int i = 0; i < bad.length; i++) {
            Path p = npy("bad" + i + ".npy", 1, bad[i], one);
            String m = readError(p);
            assertTrue(m.startsWith(p.toString()), m);
        }
    }

    @Test
    void wrongMagicAndVersionAreRejected() throws IOException {
        Path p = dir.resolve("x.npy");
        Files.writeString(p, "hello world, this is not numpy");
        assertTrue(readError(p).contains("not a .npy file"));
        Path q = npy("v9.npy", 1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", new byte[8]);
        byte[] b = Files.readAllBytes(q);
        b[6] = 9;
        Files.write(q, b);
        assertTrue(readError(q).contains("version 9.0"));
    }

    @Test
    void streamWriteGivesTheBytesOfTheFileWrite() throws IOException {
        FloatNd a = FloatNd.of(Shape.of(2, 3), 1f, -2f, 3.5f, 0f, 1e-7f, 7f);
        Path p = dir.resolve("a.npy");
        Npy.write(p, a);
        var out = new java.io.ByteArrayOutputStream();
        Npy.write(out, a);
        assertArrayEquals(Files.readAllBytes(p), out.toByteArray());
    }

    @Test
    void readsFromBytesAndNamesTheSourceInErrors() throws IOException {
        FloatNd a = FloatNd.of(Shape.of(3), 1f, 2f, 3f);
        var out = new java.io.ByteArrayOutputStream();
        Npy.write(out, a);
        byte[] bytes = out.toByteArray();
        NdArray back = Npy.read(bytes, Path.of("entry.npy"));
        assertArrayEquals(a.toArray(), ((FloatNd) back).toArray());
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 2);
        DataFileException e = assertThrows(DataFileException.class, () -> Npy.read(cut, Path.of("entry.npy")));
        assertTrue(e.getMessage().startsWith("entry.npy: "), e.getMessage());
        assertTrue(e.getMessage().contains("bytes follow the header"), e.getMessage());
    }
}
