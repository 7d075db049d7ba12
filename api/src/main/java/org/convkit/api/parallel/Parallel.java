package org.convkit.api.parallel;

/**
 * The one way convkit kernels split work over threads: {@code [0, n)} cut into at most
 * {@code threads} contiguous blocks, the first run on the calling thread, the others on short-lived
 * daemon threads, all joined before returning. Callers make each index's result independent of
 * the block that computes it, so results never depend on the thread count.
 */
public final class Parallel {

    /** The work for indices {@code [lo, hi)}. */
    @FunctionalInterface
    public interface Range {
        void run(int lo, int hi);
    }

    private Parallel() {
    }

    /**
     * Runs {@code body} over {@code [0, n)} in at most {@code threads} blocks and waits for all.
     * An exception thrown by any block is rethrown here after every block has finished.
     */
    public static void forRange(int n, int threads, Range body) {
        int t = Math.max(1, Math.min(threads, n));
        if (t == 1) {
            if (n > 0) {
                body.run(0, n);
            }
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
            }, "convkit-worker-" + i);
            workers[i - 1].setDaemon(true);
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
                throw new IllegalStateException("interrupted while waiting for worker threads", e);
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
