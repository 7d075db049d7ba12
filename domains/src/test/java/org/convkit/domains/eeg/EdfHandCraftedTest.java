package org.convkit.domains.eeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domains;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain EDF and BDF (no '+', no annotation signal) built byte by byte from the specification,
 * with physical values computed here from the digital codes by the specification's linear map.
 */
class EdfHandCraftedTest {

    @TempDir
    Path dir;

    private static String field(String s, int width) {
        return String.format("%-" + width + "s", s);
    }

    /** A header for signals with the given fields, each array one value per signal. */
    private static byte[] header(String version, int records, String duration, String[] labels, String[] pmin,
                                 String[] pmax, String[] dmin, String[] dmax, int[] spr, boolean bdf) {
        int ns = labels.length;
        StringBuilder h = new StringBuilder();
        h.append(field("patient x", 80)).append(field("recording y", 80)).append("01.02.03").append("04.05.06")
                .append(field(Integer.toString(256 * (ns + 1)), 8)).append(field(bdf ? "24BIT" : "", 44))
                .append(field(Integer.toString(records), 8)).append(field(duration, 8)).append(field(Integer.toString(ns), 4));
        for (String l : labels) {
            h.append(field(l, 16));
        }
        h.append(" ".repeat(80 * ns)).append(field("uV", 8).repeat(ns));
        for (String[] col : new String[][] {pmin, pmax, dmin, dmax}) {
            for (String v : col) {
                h.append(field(v, 8));
            }
        }
        h.append(" ".repeat(80 * ns));
        for (int s : spr) {
            h.append(field(Integer.toString(s), 8));
        }
        h.append(" ".repeat(32 * ns));
        byte[] rest = h.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[8 + rest.length];
        byte[] v = version.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(v, 0, out, 0, 8);
        System.arraycopy(rest, 0, out, 8, rest.length);
        return out;
    }

    @Test
    void plainEdfWithHalfSecondRecordsAndInvertedPolarity() throws IOException {
        // signal A: 2 samples per 0.5 s record (4 Hz), range -100..100 over -2048..2047;
        // signal B: 1 sample per record (2 Hz), physical max below min (inverted), 0..1000 codes
        byte[] h = header("0       ", 2, "0.5", new String[] {"A", "B"}, new String[] {"-100", "50"},
                new String[] {"100", "-50"}, new String[] {"-2048", "0"}, new String[] {"2047", "1000"},
                new int[] {2, 1}, false);
        int[][] codes = {{-2048, 2047, 0, -1}, {0, 1000}};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h);
        for (int r = 0; r < 2; r++) {
            for (int k = 0; k < 2; k++) {
                le16(out, codes[0][2 * r + k]);
            }
            le16(out, codes[1][r]);
        }
        Path file = dir.resolve("plain.edf");
        Files.write(file, out.toByteArray());
        DataFile f = Domains.read(file);
        assertEquals(4.0, f.metadata().sampleRate());
        assertEquals(2.0, f.metadata().channels().get(1).sampleRate());
        assertTrue(f.metadata().annotations().isEmpty());
        double[] a = {-100, 100, 200.0 / 4095 * 2048 - 100, 200.0 / 4095 * 2047 - 100};
        double[] bOwn = {50, -50};
        for (int i = 0; i < 4; i++) {
            assertEquals(a[i], f.data().getDouble(i), 1e-12, "A " + i);
        }
        // B at 4 Hz: its samples at 0 and 2, halfway at 1, the last held at 3
        double[] b = {bOwn[0], (bOwn[0] + bOwn[1]) / 2, bOwn[1], bOwn[1]};
        for (int i = 0; i < 4; i++) {
            assertEquals(b[i], f.data().getDouble(4 + i), 1e-12, "B " + i);
        }
    }

    @Test
    void plainBdfDecodesSignedTwentyFourBitCodes() throws IOException {
        byte[] h = header("\u00ffBIOSEMI", 1, "1", new String[] {"Status"}, new String[] {"-262144"},
                new String[] {"262143"}, new String[] {"-8388608"}, new String[] {"8388607"}, new int[] {4}, true);
        int[] codes = {-8388608, -1, 1, 8388607};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h);
        for (int c : codes) {
            out.write(c);
            out.write(c >> 8);
            out.write(c >> 16);
        }
        Path file = dir.resolve("plain.bdf");
        Files.write(file, out.toByteArray());
        DataFile f = Domains.read(file);
        assertEquals("bdf", f.format());
        assertEquals("24BIT", f.metadata().properties().get("reserved"));
        for (int i = 0; i < 4; i++) {
            double want = (codes[i] + 8388608.0) * 524287.0 / 16777215.0 - 262144;
            assertEquals(want, f.data().getDouble(i), 1e-9, "sample " + i);
        }
    }

    private static void le16(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >> 8);
    }
}
