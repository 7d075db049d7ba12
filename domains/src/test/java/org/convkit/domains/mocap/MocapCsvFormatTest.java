package org.convkit.domains.mocap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MocapCsvFormatTest {
    private static final MocapCsvFormat CSV = new MocapCsvFormat();

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static byte[] head(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        return java.util.Arrays.copyOf(b, Math.min(512, b.length));
    }

    @Test
    void readsMarkerColumnsIntoXyzRowsWithGapsAsNaN() throws IOException {
        DataFile d = CSV.read(file("a.csv", "time,RASI_x,RASI_y,RASI_z,LASI.X,LASI.Y,LASI.Z\n"
                + "0.0,1,2,3,4,5,6\n"
                + "0.5,1.5,,3.5,nan,5.5,6.5\n"
                + "1.0,2,3,4,5,6,7\n"));
        assertEquals(Shape.of(6, 3), d.data().shape());
        assertEquals(List.of("RASI.x", "RASI.y", "RASI.z", "LASI.x", "LASI.y", "LASI.z"),
                d.metadata().channels().stream().map(Metadata.Channel::label).toList());
        double nan = Double.NaN;
        assertArrayEquals(new double[] {1, 1.5, 2, 2, nan, 3, 3, 3.5, 4, 4, nan, 5, 5, 5.5, 6, 6, 6.5, 7},
                d.data().toDouble().toArray());
        assertEquals(2.0, d.metadata().sampleRate());
    }

    @Test
    void rateFromTimesPrintedWithFewDigitsIsTheWholeNumber() throws IOException {
        StringBuilder s = new StringBuilder("time,A.x,A.y,A.z\n");
        for (int i = 0; i < 240; i++) {
            s.append(String.format(java.util.Locale.ROOT, "%.4f,0,0,0%n", i / 120.0));
        }
        assertEquals(120.0, CSV.read(file("r.csv", s.toString())).metadata().sampleRate());
    }

    @Test
    void rowsThatAreNotEvenlySpacedAreRejectedNamingTheLine() throws IOException {
        Path f = file("gap.csv", "time,A.x,A.y,A.z\n0,0,0,0\n0.01,0,0,0\n0.02,0,0,0\n0.04,0,0,0\n0.05,0,0,0\n");
        DataFileException e = assertThrows(DataFileException.class, () -> CSV.read(f));
        assertTrue(e.getMessage().contains("line 5: time 0.04") && e.getMessage().contains("evenly spaced"),
                e.getMessage());
    }

    @Test
    void headerThatIsNotXyzTriplesIsRejectedNamingTheColumns() throws IOException {
        Path f = file("h.csv", "time,A.x,A.y,B.z\n0,0,0,0\n1,0,0,0\n");
        DataFileException e = assertThrows(DataFileException.class, () -> CSV.read(f));
        assertTrue(e.getMessage().contains("header columns 2-4 are 'A.x', 'A.y', 'B.z'"), e.getMessage());
    }

    @Test
    void textThatIsNotANumberIsRejectedNamingTheLine() throws IOException {
        Path f = file("t.csv", "time,A.x,A.y,A.z\n0,0,0,0\n1,0,oops,0\n");
        DataFileException e = assertThrows(DataFileException.class, () -> CSV.read(f));
        assertTrue(e.getMessage().contains("line 3: 'oops' is not a number"), e.getMessage());
    }

    @Test
    void fileWithoutAFinalLineBreakIsTakenAsCut() throws IOException {
        Path f = file("c.csv", "time,A.x,A.y,A.z\n0,0,0,0\n1,0,0,0.12");
        DataFileException e = assertThrows(DataFileException.class, () -> CSV.read(f));
        assertTrue(e.getMessage().contains("does not end with a line break"), e.getMessage());
    }

    @Test
    void otherCsvFilesAreNotClaimed() throws IOException {
        assertTrue(CSV.recognises(dir.resolve("m.csv"), "time,A.x,A.y,A.z\n0,0,0,0\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(CSV.recognises(dir.resolve("m.csv"), "\uFEFFTime,A_X,A_Y,A_Z\n".getBytes(StandardCharsets.UTF_8)));
        for (String other : List.of("path,label\na.wav,yes\n", "1,2,3\n4,5,6\n", "time,value\n0,1\n",
                "time,Fp1,Fp2\n0,1,2\n")) {
            assertFalse(CSV.recognises(dir.resolve("o.csv"), other.getBytes(StandardCharsets.UTF_8)), other);
        }
        assertFalse(CSV.recognises(dir.resolve("m.txt"), "time,A.x,A.y,A.z\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writtenFileReadsBackBitForBitWithNaN() throws IOException {
        double[] v = {0.1, -2.5e-7, Double.NaN, 1e300, 3, 4, 123.456, 7, 8, 9, 10, 11};
        DataFile d = new DataFile("x", DoubleNd.of(Shape.of(6, 2), v), Metadata.recording(119.88,
                List.of(new Metadata.Channel("P.x", "mm", 119.88, 2), new Metadata.Channel("P.y", "mm", 119.88, 2),
                        new Metadata.Channel("P.z", "mm", 119.88, 2), new Metadata.Channel("Q.x", "mm", 119.88, 2),
                        new Metadata.Channel("Q.y", "mm", 119.88, 2), new Metadata.Channel("Q.z", "mm", 119.88, 2))));
        Path f = dir.resolve("w.csv");
        CSV.write(d, f);
        String text = Files.readString(f);
        assertTrue(text.startsWith("time,P.x,P.y,P.z,Q.x,Q.y,Q.z\n0.0,0.1,nan,3.0,123.456,8.0,10.0\n"), text);
        assertTrue(CSV.recognises(f, head(f)));
        DataFile back = CSV.read(f);
        assertArrayEquals(v, back.data().toDouble().toArray());
        assertEquals(119.88, back.metadata().sampleRate(), 1e-9);
    }

    @Test
    void dataThatIsNotXyzRowsCannotBeWritten() {
        DataFile d = new DataFile("x", DoubleNd.of(Shape.of(4, 1), 1, 2, 3, 4), Metadata.recording(10, List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CSV.write(d, dir.resolve("x.csv")));
        assertTrue(e.getMessage().contains("[markers * 3, frames]"), e.getMessage());
    }
}
