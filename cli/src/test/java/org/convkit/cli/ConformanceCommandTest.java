package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceCommandTest {

    /** The seed example: scipy.signal.convolve([1,2,-5,4,2,-1], [-1,2,-1], 'valid'). */
    static final String SEED_CASE = "{\"op\": \"convolve\", \"source\": \"scipy.signal.convolve\", \"params\": {\"mode\": \"valid\"},"
            + " \"inputs\": {\"x\": {\"shape\": [6], \"data\": [1, 2, -5, 4, 2, -1]}, \"k\": {\"shape\": [3], \"data\": [-1, 2, -1]}},"
            + " \"expected\": {\"y\": {\"shape\": [4], \"data\": [%s]}}, \"rtol\": 0, \"atol\": 1e-12}";

    @TempDir
    Path dir;

    private Path golden(String name, String... cases) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "{\"generator\": {}, \"seed\": 0, \"cases\": [" + String.join(",", cases) + "]}");
        return f;
    }

    @Test
    void bundledCasesPrintASummaryWhoseCountsDecideTheExitCode() {
        Cli r = Cli.run("conformance");
        List<String> lines = r.outLines();
        Matcher m = Pattern.compile("(\\d+) passed, (\\d+) failed, (\\d+) unsupported").matcher(lines.get(lines.size() - 1));
        assertTrue(m.matches(), r.out());
        int passed = Integer.parseInt(m.group(1));
        int failed = Integer.parseInt(m.group(2));
        int unsupported = Integer.parseInt(m.group(3));
        assertTrue(passed > 0, r.out());
        assertEquals(0, failed, r.out());
        assertEquals(unsupported == 0 ? 0 : 1, r.code());
    }

    @Test
    void folderOfPassingCasesExitsZeroAndReportsJson() throws Exception {
        golden("a/seed.json", String.format(SEED_CASE, "8, -16, 11, 1"));
        Cli r = Cli.run("conformance", dir.resolve("a").toString(), "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode j = JsonMapper.builder().build().readTree(r.out());
        assertEquals(1, j.get("passed").asInt());
        assertEquals(0, j.get("failed").asInt());
        assertEquals(0, j.get("unsupported").asInt());
    }

    @Test
    void failingCaseIsPrintedWithItsFirstBadElement() throws IOException {
        golden("b/seed.json", String.format(SEED_CASE, "8, -16, 12, 1"));
        Cli r = Cli.run("conformance", dir.resolve("b").toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("seed.json#0 convolve: y[2]: got 11.0 want 12.0"), r.out());
        assertTrue(r.out().endsWith("0 passed, 1 failed, 0 unsupported\n"), r.out());
    }

    @Test
    void unknownOpIsCountedUnsupportedAndFailsTheRun() throws IOException {
        golden("c/x.json", String.format(SEED_CASE, "8, -16, 11, 1"),
                String.format(SEED_CASE, "1, 2, 3, 4").replace("\"convolve\"", "\"frobnicate\""));
        Cli r = Cli.run("conformance", dir.resolve("c").toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("unsupported ops: frobnicate"), r.out());
        assertTrue(r.out().endsWith("1 passed, 0 failed, 1 unsupported\n"), r.out());
    }

    @Test
    void folderWithoutCasesFails() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        Cli r = Cli.run("conformance", dir.resolve("empty").toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("0 passed, 0 failed, 0 unsupported"), r.out());
    }

    @Test
    void missingFolderIsBadInputNamingIt() {
        Cli r = Cli.run("conformance", dir.resolve("nowhere").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("nowhere"), r.err());
    }

    @Test
    void malformedCaseFileIsBadInputNamingFileAndCase() throws IOException {
        golden("d/broken.json", "{\"op\": \"convolve\", \"inputs\": {}, \"rtol\": 0, \"atol\": 0}");
        Cli r = Cli.run("conformance", dir.resolve("d").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("broken.json: case 0: \"expected\""), r.err());
        Files.writeString(dir.resolve("d/broken.json"), "{\"cases\": [");
        Cli s = Cli.run("conformance", dir.resolve("d").toString());
        assertEquals(2, s.code());
        assertTrue(s.err().contains("broken.json: not valid JSON"), s.err());
    }
}
