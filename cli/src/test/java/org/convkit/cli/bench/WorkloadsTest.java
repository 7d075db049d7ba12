package org.convkit.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkloadsTest {

    @Test
    void workloadIdsAreUniqueAndLowerCaseWithDashes() {
        List<Workload> all = Workloads.all();
        Set<String> ids = new HashSet<>();
        for (Workload w : all) {
            assertTrue(ids.add(w.id()), "duplicate workload id " + w.id());
            assertTrue(w.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), w.id());
        }
        assertEquals(all.size(), ids.size());
    }

    @Test
    void runnerReportsOrderedTimingsAndTheFlopRate() {
        Workload w = new Workload() {
            @Override
            public String id() {
                return "w";
            }

            @Override
            public Runnable prepare(int threads) {
                return () -> { };
            }

            @Override
            public double flops() {
                return 1e9;
            }
        };
        BenchResult r = new BenchRunner(1, 7).measure(w, 3);
        assertEquals(7, r.runs());
        assertEquals(3, r.threads());
        assertTrue(r.minMs() <= r.medianMs() && r.medianMs() <= r.maxMs());
    }

    @Test
    void gflopsAndSamplesPerSecondUseTheMedian() {
        BenchResult r = new BenchResult("x", 2.0, 1.0, 3.0, 5, 1, 4e6, 10);
        assertEquals(2.0, r.gflops(), 1e-12);
        assertEquals(5000.0, r.samplesPerSecond(), 1e-9);
        assertTrue(r.toJson().endsWith(", \"gflops\": 2.000, \"samples_per_s\": 5000.0}"), r.toJson());
        assertTrue(r.toRow().endsWith("2.00     5000.0"), r.toRow());
    }

    @Test
    void theAccuracyAndSettingsFollowTheFiguresInTheirOrder() {
        Map<String, Long> settings = new LinkedHashMap<>();
        settings.put("seed", 3L);
        settings.put("augment_shift", 1L);
        BenchResult r = new BenchResult("m", 9000.0, 9000.0, 9000.0, 1, 2, 0, 0, 0.979, settings);
        assertTrue(r.toJson().endsWith(", \"threads\": 2, \"accuracy\": 0.9790, \"seed\": 3, \"augment_shift\": 1}"),
                r.toJson());
        assertTrue(r.toRow().endsWith("-          -  accuracy 0.9790  (seed 3, augment_shift 1)"), r.toRow());
        settings.put("seed", 4L);
        assertEquals(3L, r.settings().get("seed"), "the result keeps its own copy");
    }
}
