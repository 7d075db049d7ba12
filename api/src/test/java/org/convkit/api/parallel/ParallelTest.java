package org.convkit.api.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void everyIndexIsVisitedExactlyOnceForAnyThreadCount() {
        for (int threads = 1; threads <= 5; threads++) {
            for (int n : new int[] {0, 1, 2, 7, 100}) {
                int[] hits = new int[n];
                Parallel.forRange(n, threads, (lo, hi) -> {
                    for (int i = lo; i < hi; i++) {
                        hits[i]++;
                    }
                });
                int[] once = new int[n];
                java.util.Arrays.fill(once, 1);
                assertArrayEquals(once, hits, "n=" + n + " threads=" + threads);
            }
        }
    }

    @Test
    void usesNoMoreBlocksThanThreads() {
        AtomicInteger blocks = new AtomicInteger();
        Parallel.forRange(1000, 3, (lo, hi) -> blocks.incrementAndGet());
        assertEquals(3, blocks.get());
    }

    @Test
    void rethrowsAWorkersFailureAfterAllFinish() {
        AtomicInteger finished = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.forRange(10, 2, (lo, hi) -> {
            if (lo > 0) {
                throw new IllegalStateException("block at " + lo);
            }
            finished.incrementAndGet();
        }));
        assertEquals("block at 5", e.getMessage());
        assertEquals(1, finished.get());
    }

    @Test
    void nestedCallsFinishAndVisitEveryPairOnce() {
        int[][] hits = new int[4][50];
        Parallel.forRange(4, 4, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                int row = i;
                Parallel.forRange(50, 3, (a, b) -> {
                    for (int j = a; j < b; j++) {
                        hits[row][j]++;
                    }
                });
            }
        });
        for (int[] row : hits) {
            for (int h : row) {
                assertEquals(1, h);
            }
        }
    }

    @Test
    void backToBackCallsEachRunEveryBlockOnceAndPublishTheirWrites() {
        long[] counts = new long[3];
        for (int call = 1; call <= 5000; call++) {
            Parallel.forRange(3, 3, (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    counts[i]++;
                }
            });
            for (long c : counts) {
                assertEquals(call, c, "after call " + call);
            }
        }
    }

    @Test
    void aFailureInOneCallLeavesThePoolUsable() {
        assertThrows(ArithmeticException.class, () -> Parallel.forRange(2, 2, (lo, hi) -> {
            if (lo == 1) {
                throw new ArithmeticException("worker");
            }
        }));
        AtomicInteger blocks = new AtomicInteger();
        Parallel.forRange(2, 2, (lo, hi) -> blocks.incrementAndGet());
        assertEquals(2, blocks.get());
    }
}
