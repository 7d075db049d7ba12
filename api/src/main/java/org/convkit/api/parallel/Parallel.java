package org.convkit.api.parallel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way convkit kernels split work over threads: {@code [0, n)} cut into at most
 * {@code threads} contiguous blocks, the first run on the calling thread, the others on pooled
 * daemon threads, all joined before returning. Callers make each index's result independent of
 * the block that computes it, so results never depend on the thread count.
 *
 * <p>The pool only reuses threads (network layers call this thousands of times a second, and
 * starting a thread costs tens of microseconds); it grows on demand, so nested calls cannot
 * deadlock, and idle threads end after a minute. The thread budget is always the caller's.
 */
public final class Parallel {

    /** The work for indices {@code [lo, hi)}. */
    @FunctionalInterface
    public interface Range {
        void run(int lo, int hi);
    }

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "convkit-worker-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

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
        Future<?>[] workers = new Future<?>[t - 1];
        for (int i = 1; i < t; i++) {
            int lo = (int) ((long) n * i / t);
            int hi = (int) ((long) n * (i + 1) / t);
            workers[i - 1] = POOL.submit(() -> body.run(lo, hi));
        }
        Throwable failure = null;
        try {
            body.run(0, n / t);
        } catch (Throwable e) {
            failure = e;
        }
        for (Future<?> w : workers) {
            try {
                w.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for worker threads", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
            }
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
