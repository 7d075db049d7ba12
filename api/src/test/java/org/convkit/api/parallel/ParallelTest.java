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
}
