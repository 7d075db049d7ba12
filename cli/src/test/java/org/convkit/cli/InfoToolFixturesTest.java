package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code convkit info FILE --json} on files made by other tools (sox, EDFlib, ImageMagick, nibabel,
 * ffmpeg) against the values those tools report, read from the files next to each fixture (see
 * tool-fixtures/README.md): the tool is the oracle, never our own reader.
 */
class InfoToolFixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Path fixture(String name) {
        URL url = InfoToolFixturesTest.class.getResource("/tool-fixtures/" + name);
        if (url == null) {
            throw new IllegalStateException("no test resource tool-fixtures/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode info(Path file) throws IOException {
        Cli r = Cli.run("info", file.toString(), "--json");
        assertEquals(0, r.code(), file + ": " + r.err());
        assertEquals("", r.err(), file.toString());
        return JSON.readTree(r.out());
    }

    /** {min, max, mean} of the values. */
    static double[] stats(List<Double> values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            sum += v;
        }
        return new double[] {lo, hi, sum / values.size()};
    }

    static void assertStats(double[] want, JsonNode node, double tolerance, String what) {
        assertEquals(want[0], node.get("min").asDouble(), tolerance, what + " min");
        assertEquals(want[1], node.get("max").asDouble(), tolerance, what + " max");
        assertEquals(want[2], node.get("mean").asDouble(), tolerance, what + " mean");
    }

    static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    /** One line of {@code sox --i} output: "Channels       : 2" gives "2". */
    static String soxField(List<String> info, String field) {
        return info.stream().filter(l -> l.startsWith(field)).findFirst().orElseThrow().split(":", 2)[1].trim();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"u8", "s16", "stereo", "f32-3ch"})
    void wavFromSoxHasTheRateChannelsAndSamplesSoxReports(String name) throws IOException {
        List<String> soxInfo = Files.readAllLines(fixture("sox/" + name + ".info"));
        int channels = Integer.parseInt(soxField(soxInfo, "Channels"));
        double rate = Double.parseDouble(soxField(soxInfo, "Sample Rate"));
        Matcher m = Pattern.compile("= (\\d+) samples").matcher(soxField(soxInfo, "Duration"));
        assertTrue(m.find());
        int samples = Integer.parseInt(m.group(1));
        // NAME.dat: "; " header lines, then time and one column per channel, as sox decodes them
        List<List<Double>> perChannel = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            perChannel.add(new ArrayList<>());
        }
        for (String line : Files.readAllLines(fixture("sox/" + name + ".dat"))) {
            if (line.startsWith(";") || line.isBlank()) {
                continue;
            }
            String[] cols = line.trim().split("\\s+");
            assertEquals(channels + 1, cols.length, line);
            for (int c = 0; c < channels; c++) {
                perChannel.get(c).add(Double.parseDouble(cols[c + 1]));
                all.add(Double.parseDouble(cols[c + 1]));
            }
        }
        assertEquals(samples, perChannel.get(0).size());

        JsonNode j = info(fixture("sox/" + name + ".wav"));
        assertEquals("wav", j.get("format").asText());
        assertEquals(List.of(channels, samples), ints(j.get("shape")));
        assertEquals(rate, j.get("sampleRate").asDouble());
        assertEquals(channels, j.get("channels").size());
        // sox prints 11 significant digits
        double tol = 1e-9;
        for (int c = 0; c < channels; c++) {
            JsonNode ch = j.get("channels").get(c);
            assertEquals(rate, ch.get("sampleRate").asDouble());
            assertEquals(samples, ch.get("samples").asInt());
            assertStats(stats(perChannel.get(c)), ch, tol, name + " channel " + c);
        }
        assertStats(stats(all), j, tol, name);
        assertEquals(0, j.get("annotations").size());
        assertTrue(j.get("voxelSize").isNull());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"edf", "bdf"})
    void edfPlusAndBdfPlusFromEdflibHaveTheSignalsValuesAndAnnotationsEdflibReads(String type) throws IOException {
        List<String[]> signals = csv("edflib/edflib-" + type + "-signals.csv");
        List<List<Double>> values = new ArrayList<>();
        signals.forEach(s -> values.add(new ArrayList<>()));
        List<Double> all = new ArrayList<>();
        for (String[] row : csv("edflib/edflib-" + type + "-values.csv")) {
            double v = Double.parseDouble(row[2]);
            values.get(Integer.parseInt(row[0])).add(v);
            all.add(v);
        }
        JsonNode j = info(fixture("edflib/edflib-3ch." + type));
        assertEquals(type, j.get("format").asText());
        // EDFlib writes 1-second data records, so a signal's rate is its samples_per_record
        int fastest = signals.stream().mapToInt(s -> Integer.parseInt(s[2])).max().orElseThrow();
        int longest = signals.stream().mapToInt(s -> Integer.parseInt(s[3])).max().orElseThrow();
        assertEquals(fastest, j.get("sampleRate").asDouble());
        assertEquals(List.of(signals.size(), longest), ints(j.get("shape")));
        assertEquals(signals.size(), j.get("channels").size());
        // EDFlib's values are physical, printed with 17 digits; ours come from the same digital numbers
        double tol = 1e-9;
        for (int s = 0; s < signals.size(); s++) {
            String[] sig = signals.get(s);
            JsonNode ch = j.get("channels").get(s);
            assertEquals(sig[0].trim(), ch.get("label").asText());
            assertEquals(sig[1].trim(), ch.get("unit").asText());
            assertEquals(Double.parseDouble(sig[2]), ch.get("sampleRate").asDouble(), sig[0]);
            assertEquals(Long.parseLong(sig[3]), ch.get("samples").asLong(), sig[0]);
            assertStats(stats(values.get(s)), ch, tol, type + " " + sig[0].trim());
        }
        // the slower signals are interpolated to the fastest rate, which keeps the extremes but not
        // the mean: only min and max of the whole file are EDFlib's
        double[] whole = stats(all);
        assertEquals(whole[0], j.get("min").asDouble(), tol);
        assertEquals(whole[1], j.get("max").asDouble(), tol);
        List<String[]> events = csv("edflib/edflib-" + type + "-annotations.csv");
        assertEquals(events.size(), j.get("annotations").size());
        for (int i = 0; i < events.size(); i++) {
            String[] e = events.get(i);
            JsonNode a = j.get("annotations").get(i);
            assertEquals(Double.parseDouble(e[0]), a.get("onset").asDouble(), 1e-7);
            // EDFlib gives an empty duration for an instant
            assertEquals(e[1].isEmpty() ? 0.0 : Double.parseDouble(e[1]), a.get("duration").asDouble(), 1e-7);
            assertEquals(e[2], a.get("description").asText());
        }
        assertTrue(j.get("voxelSize").isNull());
    }

    /** The rows of a small CSV without quoting, header skipped; a trailing empty field is kept. */
    static List<String[]> csv(String name) throws IOException {
        List<String> lines = Files.readAllLines(fixture(name), StandardCharsets.UTF_8);
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                out.add(line.split(",", -1));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rgb8.png, png", "grey16.png, png", "rgb16.tif, tiff", "grey16.tif, tiff"})
    void pngAndTiffFromImageMagickHaveThePixelsImageMagickEnumerates(String name, String format) throws IOException {
        // "# ImageMagick pixel enumeration: W,H,MAX,srgb|gray", then "x,y: (v,v,v)  #hex  ..."
        List<String> txt = Files.readAllLines(fixture("imagemagick/" + name + ".txt"));
        String[] head = txt.get(0).split(":", 2)[1].trim().split(",");
        int w = Integer.parseInt(head[0]);
        int h = Integer.parseInt(head[1]);
        double max = Double.parseDouble(head[2]);
        int channels = head[3].equals("gray") ? 1 : 3;
        List<List<Double>> perChannel = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            perChannel.add(new ArrayList<>());
        }
        List<Double> all = new ArrayList<>();
        Pattern pixel = Pattern.compile("^\\d+,\\d+: \\(([\\d,]+)\\)");
        for (String line : txt.subList(1, txt.size())) {
            Matcher m = pixel.matcher(line);
            assertTrue(m.find(), line);
            double[] v = Arrays.stream(m.group(1).split(",")).mapToDouble(Double::parseDouble).toArray();
            for (int c = 0; c < channels; c++) {
                perChannel.get(c).add(v[c] / max);
                all.add(v[c] / max);
            }
        }
        assertEquals(w * h, perChannel.get(0).size());

        JsonNode j = info(fixture("imagemagick/" + name));
        assertEquals(format, j.get("format").asText());
        assertEquals(List.of(channels, h, w), ints(j.get("shape")));
        assertEquals(channels, j.get("channels").size());
        double tol = 1e-6; // float32 values in [0, 1]
        for (int c = 0; c < channels; c++) {
            JsonNode ch = j.get("channels").get(c);
            assertEquals(w * h, ch.get("samples").asInt());
            assertStats(stats(perChannel.get(c)), ch, tol, name + " channel " + c);
        }
        assertStats(stats(all), j, tol, name);
        assertTrue(j.get("sampleRate").isNull());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"n1_int16_scl.nii", "n1_float64.nii.gz", "n2_float32.nii"})
    void niftiFromNibabelHasTheShapeZoomsAndScaledValuesNibabelReads(String name) throws IOException {
        JsonNode want = JSON.readTree(fixture("nibabel/expected.json").toFile()).get(name);
        List<Integer> xyz = ints(want.get("shape"));
        List<Double> data = new ArrayList<>();
        want.get("data").forEach(v -> data.add(v.asDouble()));
        List<Double> zooms = new ArrayList<>();
        want.get("zooms").forEach(v -> zooms.add(v.asDouble()));

        JsonNode j = info(fixture("nibabel/" + name));
        assertEquals("nifti", j.get("format").asText().replace("-gz", ""));
        // our arrays are [channels, z, y, x] (x fastest, as nibabel's C-order flattening in expected.json)
        assertEquals(List.of(1, xyz.get(2), xyz.get(1), xyz.get(0)), ints(j.get("shape")));
        JsonNode voxel = j.get("voxelSize");
        assertEquals(3, voxel.size());
        for (int a = 0; a < 3; a++) {
            assertEquals(zooms.get(2 - a), voxel.get(a).asDouble(), 1e-6, "voxel size along axis " + a);
        }
        double[] s = stats(data);
        double tol = 1e-6 * Math.max(1, Math.max(Math.abs(s[0]), Math.abs(s[1])));
        assertStats(s, j, tol, name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mono", "c444"})
    void y4mFromFfmpegHasTheFramesRateAndValuesFfmpegDecodes(String name) throws IOException {
        List<String> expected = Files.readAllLines(fixture("ffmpeg/" + name + ".expected"));
        int[] dims = Arrays.stream(expected.get(0).trim().split(" ")).mapToInt(Integer::parseInt).toArray();
        double[] v = Arrays.stream(expected.get(1).trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
        int per = v.length / dims[0];

        JsonNode j = info(fixture("ffmpeg/" + name + ".y4m"));
        assertEquals("y4m", j.get("format").asText());
        assertEquals(Arrays.stream(dims).boxed().toList(), ints(j.get("shape")));
        // make_fixtures.sh: ffmpeg's testsrc at rate=5
        assertEquals(5.0, j.get("sampleRate").asDouble());
        assertEquals(dims[0], j.get("channels").size());
        double tol = 1e-6;
        List<Double> all = new ArrayList<>();
        for (int c = 0; c < dims[0]; c++) {
            List<Double> ch = new ArrayList<>();
            for (int i = 0; i < per; i++) {
                ch.add(v[c * per + i]);
                all.add(v[c * per + i]);
            }
            JsonNode node = j.get("channels").get(c);
            assertEquals(dims[1], node.get("samples").asInt(), "frames");
            assertStats(stats(ch), node, tol, name + " channel " + c);
        }
        assertStats(stats(all), j, tol, name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sox/s16.wav, 16", "sox/f32-3ch.wav, 16", "edflib/edflib-3ch.edf, 16", "edflib/edflib-3ch.bdf, 16",
            "imagemagick/rgb8.png, 16", "imagemagick/rgb16.tif, -1", "imagemagick/grey16.tif, -1",
            "nibabel/n1_int16_scl.nii, 16", "nibabel/n1_float64.nii.gz, 16", "nibabel/n2_float32.nii, 16",
            "ffmpeg/mono.y4m, 16", "ffmpeg/c444.y4m, 16"})
    void aTruncatedCopyIsBadInputInOneLineNamingTheFile(String name, int cut) throws IOException {
        byte[] bytes = Files.readAllBytes(fixture(name));
        // most files lose their last 16 bytes of data; the TIFFs keep their first two thirds, since
        // ImageMagick puts trailing tag data (not pixels) at their end
        int keep = cut > 0 ? bytes.length - cut : bytes.length * 2 / 3;
        Path cutCopy = dir.resolve("cut-" + Path.of(name).getFileName());
        Files.write(cutCopy, Arrays.copyOf(bytes, keep));
        Cli r = Cli.run("info", cutCopy.toString(), "--json");
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals("", r.out());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(cutCopy.toString()), r.err());
    }
}
