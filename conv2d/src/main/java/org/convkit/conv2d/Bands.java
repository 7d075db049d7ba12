package org.convkit.conv2d;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code [0, units)} into contiguous bands, one per thread, the first run on the calling
 * thread. A unit's result must not depend on which band holds it, so results do not depend on the
 * thread count.
 */
final class Bands {
    private Bands() {
    }

    /** The work for the units {@code [lo, hi)}. */
    interface Work {
        void run(int lo, int hi);
    }

    static void run(int threads, int units, Work work) {
        int t = Math.max(1, Math.min(threads, units));
        if (t == 1) {
            work.run(0, units);
            return;
        }
        List<Thread> started = new ArrayList<>();
        Throwable[] failure = new Throwable[t];
        for (int b = 1; b < t; b++) {
            int lo = (int) ((long) units * b / t);
            int hi = (int) ((long) units * (b + 1) / t);
            int band = b;
            Thread th = new Thread(() -> {
                try {
                    work.run(lo, hi);
                } catch (Throwable e) {
                    failure[band] = e;
                }
            }, "convkit-conv2d-band-" + b);
            th.setDaemon(true);
            th.start();
            started.add(th);
        }
        try {
            work.run(0, units / t);
        } finally {
            for (Thread th : started) {
                try {
                    th.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a band", e);
                }
            }
        }
        for (Throwable e : failure) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error err) {
                throw err;
            }
        }
    }
}
