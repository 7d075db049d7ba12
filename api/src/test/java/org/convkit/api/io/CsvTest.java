package org.convkit.api.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void matrixRoundTripIsExact() throws IOException {
        Random r = new Random(3);
        double[] d = new double[12];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextGaussian() * 1e-3;
        }
        Path p = dir.resolve("m.csv");
        Csv.write(p, DoubleNd.of(Shape.of(3, 4), d));
        DoubleNd back = Csv.read(p);
        assertEquals(Shape.of(3, 4), back.shape());
        assertArrayEquals(d, back.toArray());
    }

    @Test
    void vectorIsWrittenOneValuePerLineAndReadBackAs1d() throws IOException {
        Path p = dir.resolve("v.csv");
        Csv.write(p, DoubleNd.vector(1, -2.5, Double.NaN, Double.NEGATIVE_INFINITY));
        assertEquals("1.0\n-2.5\nnan\n-inf\n", Files.readString(p));
        DoubleNd back = Csv.read(p);
        assertEquals(Shape.of(4), back.shape());
        assertArrayEquals(new double[] {1, -2.5, Double.NaN, Double.NEGATIVE_INFINITY}, back.toArray());
    }

    @Test
    void float32ValuesAreWrittenInTheirShortForm() throws IOException {
        Path p = dir.resolve("f.csv");
        Csv.write(p, FloatNd.of(Shape.of(2), 0.1f, 3f));
        assertEquals("0.1\n3.0\n", Files.readString(p));
    }

    @Test
    void singleRowIs1d() throws IOException {
        assertEquals(Shape.of(3), Csv.read(file("r.csv", "1, 2 ,3\n")).shape());
    }

    @Test
    void nonNumericFirstLineIsSkippedAsHeader() throws IOException {
        DoubleNd a = Csv.read(file("h.csv", "time,value\n0,1.5\n1,2.5\n\n"));
        assertEquals(Shape.of(2, 2), a.shape());
        assertArrayEquals(new double[] {0, 1.5, 1, 2.5}, a.toArray());
    }

    @Test
    void badValueNamesFileLineAndValue() throws IOException {
        Path p = file("bad.csv", "1,2\n3,x4\n");
        String m = assertThrows(DataFileException.class, () -> Csv.read(p)).getMessage();
        assertTrue(m.contains("bad.csv") && m.contains("line 2") && m.contains("'x4'"), m);
    }

    @Test
    void partlyNumericFirstLineIsAnErrorNotAHeader() throws IOException {
        Path p = file("typo.csv", "1,2,z\n3,4,5\n");
        assertTrue(assertThrows(DataFileException.class, () -> Csv.read(p)).getMessage().contains("line 1"));
    }

    @Test
    void raggedRowsAreAnError() throws IOException {
        Path p = file("ragged.csv", "1,2\n3,4,5\n");
        String m = assertThrows(DataFileException.class, () -> Csv.read(p)).getMessage();
        assertTrue(m.contains("line 2 has 3 values but line 1 has 2"), m);
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        Path p = file("empty.csv", "a,b\n\n");
        assertTrue(assertThrows(DataFileException.class, () -> Csv.read(p)).getMessage().contains("no numeric values"));
    }

    @Test
    void javaOnlyNumberSyntaxIsRejected() throws IOException {
        for (String v : new String[] {"1d", "0x10", "2f", "1e", "--1"}) {
            Path p = file("j.csv", "0\n" + v + "\n");
            assertThrows(DataFileException.class, () -> Csv.read(p), v);
        }
    }

    @Test
    void threeDimensionalArraysCannotBeWritten() {
        assertThrows(IllegalArgumentException.class, () -> Csv.write(dir.resolve("c.csv"), DoubleNd.zeros(Shape.of(2, 2, 2))));
    }
}
