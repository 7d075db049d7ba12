package org.convkit.conv3d;

/** Splits an index range into contiguous blocks, one per thread; the caller's thread runs one. */
final class Parallel {
    private Parallel() {
    }

    /** Work on {@code [lo, hi)} of an index range. */
    interface Range {
        void run(int lo, int hi);
    }

    /**
     * Runs {@code body} over {@code [0, n)} split into at most {@code threads} blocks and waits for
     * all. Each index is handled by exactly one block, so results do not depend on {@code threads}
     * when the body writes only what its indices own.
     */
    static void forRange(int threads, int n, Range body) {
        int t = Math.max(1, Math.min(threads, n));
        if (t == 1) {
            body.run(0, n);
            return;
        }
        Thread[] workers = new Thread[t - 1];
        Throwable[] failure = new Throwable[t];
        for (int i = 1; i < t; i++) {
            int lo = (int) ((long) n * i / t);
            int hi = (int) ((long) n * (i + 1) / t);
            int slot = i;
            workers[i - 1] = new Thread(() -> {
                try {
                    body.run(lo, hi);
                } catch (Throwable e) {
                    failure[slot] = e;
                }
            }, "convkit-conv3d-" + i);
            workers[i - 1].start();
        }
        try {
            body.run(0, n / t);
        } catch (Throwable e) {
            failure[0] = e;
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for conv3d workers", e);
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
