package org.convkit.domains.eeg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.Metadata.Annotation;
import org.convkit.api.domain.Metadata.Channel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by another tool (EDFlib 1.23, {@code edflib_fixture.c}) read to the values, channels
 * and annotations EDFlib itself decodes from them.
 */
class EdfFixtureTest {

    @TempDir
    Path dir;

    private DataFile read(String type) throws IOException {
        return Domains.read(EdflibFixtures.copy(type, dir));
    }

    @ParameterizedTest
    @ValueSource(strings = {"edf", "bdf"})
    void channelsKeepTheirOwnRatesLabelsUnitsAndCounts(String type) throws IOException {
        DataFile f = read(type);
        List<Channel> expected = new ArrayList<>();
        for (String[] s : EdflibFixtures.rows("edflib-" + type + "-signals.csv")) {
            // EDFlib's samples per record with its 1 s records is the rate
            expected.add(new Channel(s[0].strip(), s[1].strip(), Double.parseDouble(s[2]), Long.parseLong(s[3])));
        }
        assertEquals(expected, f.metadata().channels());
        assertEquals(64.0, f.metadata().sampleRate());
        assertEquals(type, f.format());
    }

    @ParameterizedTest
    @ValueSource(strings = {"edf", "bdf"})
    void fastestChannelHoldsThePhysicalValuesEdflibDecoded(String type) throws IOException {
        DataFile f = read(type);
        double[] expected = EdflibFixtures.values(type, "values").get(0);
        int n = f.data().shape().dim(1);
        assertEquals(expected.length, n);
        for (int i = 0; i < n; i++) {
            // EDFlib computes bitvalue * (offset + d); the same number up to rounding
            assertEquals(expected[i], f.data().getDouble(i), 1e-9, "sample " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"edf", "bdf"})
    void slowerChannelsAreLinearlyInterpolatedToTheFastestRate(String type) throws IOException {
        DataFile f = read(type);
        int n = f.data().shape().dim(1);
        List<double[]> own = EdflibFixtures.values(type, "values");
        for (int c = 1; c < 3; c++) {
            double[] x = own.get(c);
            int factor = n / x.length; // 64 Hz over 32 Hz and 8 Hz: 2 and 8
            for (int j = 0; j < n; j++) {
                int i = j / factor;
                double frac = (double) (j % factor) / factor;
                double want = i + 1 < x.length ? x[i] + frac * (x[i + 1] - x[i]) : x[x.length - 1];
                assertEquals(want, f.data().getDouble(c * n + j), 1e-9, "channel " + c + " sample " + j);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"edf", "bdf"})
    void physicalValuesFollowTheRangeFormulaFromEdflibsDigitalValues(String type) throws IOException {
        DataFile f = read(type);
        int n = f.data().shape().dim(1);
        List<String[]> signals = EdflibFixtures.rows("edflib-" + type + "-signals.csv");
        List<double[]> digital = EdflibFixtures.values(type, "digital");
        for (int c = 0; c < 3; c++) {
            String[] s = signals.get(c);
            double pmin = Double.parseDouble(s[4]);
            double pmax = Double.parseDouble(s[5]);
            double dmin = Double.parseDouble(s[6]);
            double dmax = Double.parseDouble(s[7]);
            int factor = n / digital.get(c).length;
            for (int i = 0; i < digital.get(c).length; i++) {
                double want = (digital.get(c)[i] - dmin) * (pmax - pmin) / (dmax - dmin) + pmin;
                assertEquals(want, f.data().getDouble(c * n + i * factor), 1e-12, "channel " + c + " sample " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"edf", "bdf"})
    void annotationsAreTheEventsEdflibFoundWithoutTimeKeeping(String type) throws IOException {
        DataFile f = read(type);
        List<Annotation> expected = new ArrayList<>();
        for (String[] a : EdflibFixtures.rows("edflib-" + type + "-annotations.csv")) {
            expected.add(new Annotation(Double.parseDouble(a[0]), a[1].isEmpty() ? 0 : Double.parseDouble(a[1]), a[2]));
        }
        assertEquals(expected, f.metadata().annotations());
    }

    @ParameterizedTest
    @ValueSource(strings = {"edf", "bdf"})
    void headerTextsAreKeptAsProperties(String type) throws IOException {
        DataFile f = read(type);
        assertEquals("14.03.20", f.metadata().properties().get("startdate"));
        assertEquals("09.26.53", f.metadata().properties().get("starttime"));
        assertEquals(type.toUpperCase(java.util.Locale.ROOT) + "+C", f.metadata().properties().get("reserved"));
        assertEquals("X X X Test_Subject", f.metadata().properties().get("patient"));
    }
}
