package org.convkit.conv1d;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent index ranges on up to {@code threads} threads (the caller is one of them). Work is
 * handed out in chunks from a shared counter, so a slow core does not hold the others back. Callers
 * make each index's result independent of which thread computes it, so the output never depends on
 * the thread count.
 */
final class Parallel {

    /** The body of a parallel loop: handles indices {@code [from, to)}. */
    @FunctionalInterface
    interface RangeBody {
        void run(int from, int to);
    }

    private Parallel() {
    }

    /**
     * Calls {@code body} on disjoint ranges covering {@code [0, n)}. With one thread, or when
     * {@code n} is small, everything runs on the caller in one range.
     */
    static void forRange(int n, int threads, RangeBody body) {
        int workers = Math.min(threads, n);
        if (workers <= 1) {
            if (n > 0) {
                body.run(0, n);
            }
            return;
        }
        int chunks = Math.min(n, 4 * workers);
        AtomicInteger next = new AtomicInteger();
        Runnable loop = () -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                body.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks));
            }
        };
        Thread[] helpers = new Thread[workers - 1];
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = new Thread(loop, "convkit-conv1d-" + t);
            helpers[t].setDaemon(true);
            helpers[t].setUncaughtExceptionHandler((th, e) -> {
                synchronized (failure) {
                    failure[0] = e;
                }
            });
            helpers[t].start();
        }
        loop.run();
        for (Thread h : helpers) {
            try {
                h.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for convolution threads", e);
            }
        }
        synchronized (failure) {
            if (failure[0] instanceof RuntimeException re) {
                throw re;
            }
            if (failure[0] instanceof Error err) {
                throw err;
            }
        }
    }
}
