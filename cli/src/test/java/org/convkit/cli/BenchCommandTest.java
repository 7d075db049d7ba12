package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.convkit.cli.bench.Workload;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    /** A workload that counts its runs and records the thread count it was prepared with. */
    static class Counting implements Workload {
        final String id;
        final double flops;
        final AtomicInteger runs = new AtomicInteger();
        final List<Integer> preparedWith = new ArrayList<>();

        Counting(String id, double flops) {
            this.id = id;
            this.flops = flops;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Runnable prepare(int threads) {
            preparedWith.add(threads);
            return runs::incrementAndGet;
        }

        @Override
        public double flops() {
            return flops;
        }
    }

    private final Counting a = new Counting("fake-a", 2e6);
    private final Counting b = new Counting("fake-b", 0);
    private final Supplier<List<Workload>> both = () -> List.of(a, b);

    private static List<String> keys(JsonNode n) {
        List<String> k = new ArrayList<>();
        n.fieldNames().forEachRemaining(k::add);
        return k;
    }

    @Test
    void jsonPrintsOneObjectPerWorkloadWithTheDocumentedKeys() throws Exception {
        Cli r = Cli.run(both, "bench", "--json", "--threads", "2", "--runs", "6", "--warmup", "3",
                "--warmup-seconds", "0");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.outLines();
        assertEquals(2, lines.size(), r.out());
        JsonNode ja = JsonMapper.builder().build().readTree(lines.get(0));
        assertEquals(List.of("id", "median_ms", "min_ms", "max_ms", "runs", "threads", "gflops"), keys(ja));
        assertEquals("fake-a", ja.get("id").asText());
        assertEquals(6, ja.get("runs").asInt());
        assertEquals(2, ja.get("threads").asInt());
        assertTrue(ja.get("min_ms").asDouble() <= ja.get("median_ms").asDouble()
                && ja.get("median_ms").asDouble() <= ja.get("max_ms").asDouble());
        JsonNode jb = JsonMapper.builder().build().readTree(lines.get(1));
        assertEquals(List.of("id", "median_ms", "min_ms", "max_ms", "runs", "threads"), keys(jb));
        assertEquals(9, a.runs.get());
        assertEquals(List.of(2), a.preparedWith);
    }

    @Test
    void jsonLineUsesTheSpacingOfTheSpecification() {
        String line = Cli.run(both, "bench", "--json", "--only", "fake-b", "--threads", "1").outLines().get(0);
        assertTrue(line.matches("\\{\"id\": \"fake-b\", \"median_ms\": [0-9.]+, \"min_ms\": [0-9.]+, \"max_ms\": [0-9.]+,"
                + " \"runs\": 5, \"threads\": 1}"), line);
    }

    @Test
    void onlyRunsTheNamedWorkloads() {
        Cli r = Cli.run(both, "bench", "--json", "--only", "fake-b");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.outLines().size());
        assertEquals(0, a.runs.get());
    }

    @Test
    void unknownIdIsBadInputListingTheKnownIds() {
        Cli r = Cli.run(both, "bench", "--only", "fake-a,nope");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("nope") && r.err().contains("fake-a, fake-b"), r.err());
        assertEquals(0, a.runs.get());
    }

    @Test
    void fewerThanFiveRunsIsBadInput() {
        assertEquals(2, Cli.run(both, "bench", "--runs", "3").code());
    }

    @Test
    void aNegativeShiftIsBadInputBeforeAnyRun() {
        Cli r = Cli.run(both, "bench", "--augment-shift", "-1");
        assertEquals(2, r.code());
        assertEquals(List.of("convkit bench: --augment-shift must be >= 0, got -1"), r.errLines());
        assertEquals(0, a.runs.get());
    }

    @Test
    void tableHasAHeaderAndOneRowPerWorkload() {
        Cli r = Cli.run(both, "bench");
        assertEquals(0, r.code(), r.err());
        assertEquals(3, r.outLines().size(), r.out());
        assertTrue(r.outLines().get(0).contains("median ms"));
        assertTrue(r.outLines().get(1).startsWith("fake-a"));
        assertFalse(r.out().contains("{"));
    }

    @Test
    void noWorkloadsPrintsNothing() {
        Cli r = Cli.run(List::of, "bench", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
    }

    /** A full-training workload that reads a data folder and reports an accuracy. */
    static final class Training extends Counting {
        java.nio.file.Path seen;

        Training() {
            super("fake-train", 0);
        }

        @Override
        public boolean needsData() {
            return true;
        }

        @Override
        public boolean once() {
            return true;
        }

        @Override
        public Runnable prepare(int threads, java.nio.file.Path data) {
            seen = data;
            return prepare(threads);
        }

        @Override
        public double accuracy() {
            return 0.975;
        }

        @Override
        public java.util.Map<String, Long> settings() {
            return java.util.Map.of("seed", 5L);
        }
    }

    @Test
    void dataWorkloadNamedWithoutDataIsBadInput() {
        Training t = new Training();
        Cli r = Cli.run(() -> List.of(a, t), "bench", "--only", "fake-train");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("fake-train needs --data"), r.err());
        assertEquals(0, t.runs.get());
    }

    @Test
    void dataWorkloadIsSkippedWhenAllRunWithoutData() {
        Training t = new Training();
        Cli r = Cli.run(() -> List.of(a, t), "bench", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.outLines().size(), r.out());
        assertEquals(0, t.runs.get());
    }

    @Test
    void dataWorkloadRunsOnceWithTheFolderAndReportsItsAccuracy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Training t = new Training();
        Cli r = Cli.run(() -> List.of(t), "bench", "--json", "--data", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1, t.runs.get());
        assertEquals(dir, t.seen);
        JsonNode n = JsonMapper.builder().build().readTree(r.outLines().get(0));
        assertEquals(1, n.get("runs").asInt());
        assertEquals(0.975, n.get("accuracy").asDouble(), 1e-12);
        assertEquals(5, n.get("seed").asInt());
        Cli table = Cli.run(() -> List.of(t), "bench", "--data", dir.toString());
        assertEquals(0, table.code(), table.err());
        assertTrue(table.outLines().get(1).endsWith("  accuracy 0.9750  (seed 5)"), table.out());
    }

    @Test
    void serveTimesOneRunPerRequestAfterTheWarmups() throws Exception {
        java.io.StringWriter text = new java.io.StringWriter();
        int served = new org.convkit.cli.bench.BenchRunner(3, 5).serve(a, 2, null,
                new java.io.BufferedReader(new java.io.StringReader("run\n\n run \nrun\n")),
                new java.io.PrintWriter(text));
        List<String> lines = text.toString().lines().toList();
        assertEquals(3, served);
        assertEquals(4, lines.size(), text.toString());
        assertEquals("ready", lines.get(0));
        for (String ms : lines.subList(1, 4)) {
            assertTrue(ms.matches("[0-9]+\\.[0-9]{3}"), ms);
        }
        assertEquals(6, a.runs.get());
        assertEquals(List.of(2), a.preparedWith);
    }

    @Test
    void serveRefusesALineOtherThanRun() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new org.convkit.cli.bench.BenchRunner(0, 5).serve(a, 1, null,
                        new java.io.BufferedReader(new java.io.StringReader("run\nstop\n")),
                        new java.io.PrintWriter(new java.io.StringWriter())));
        assertTrue(e.getMessage().contains("'stop'"), e.getMessage());
        assertEquals(1, a.runs.get());
    }

    @Test
    void serveWithoutOneNamedWorkloadIsBadInput() {
        Cli r = Cli.run(both, "bench", "--serve");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--only ID"), r.err());
        assertEquals(0, a.runs.get() + b.runs.get());
    }

    @Test
    void warmUpRunsAtLeastTheCountAndLastsTheTimeFloorUpToTheCap() {
        long[] now = {0};
        java.util.function.LongSupplier clock = () -> now[0] += 10_000_000L;
        org.convkit.cli.bench.BenchRunner floor = new org.convkit.cli.bench.BenchRunner(2, 5, 50_000_000L, clock);
        // two runs, then checks at 10, 20, 30 and 40 ms after the start run on; 50 ms stops
        floor.measure(a, 1);
        assertEquals(6 + 5, a.runs.get());
        a.runs.set(0);
        assertEquals(5, new org.convkit.cli.bench.BenchRunner(2, 5, Long.MAX_VALUE, clock).measure(a, 1).runs());
        assertEquals(100 + 5, a.runs.get());
        a.runs.set(0);
        new org.convkit.cli.bench.BenchRunner(150, 5, 0, clock).measure(a, 1);
        assertEquals(150 + 5, a.runs.get());
    }

    @Test
    void negativeWarmupSecondsIsBadInput() {
        Cli r = Cli.run(both, "bench", "--warmup-seconds", "-1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--warmup-seconds"), r.err());
        assertEquals(0, a.runs.get());
    }
}
