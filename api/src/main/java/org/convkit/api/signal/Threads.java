package org.convkit.api.signal;

/** Runs one worker on the caller and {@code threads - 1} helper threads, and waits for them. */
final class Threads {
    private Threads() {
    }

    static void run(Runnable worker, int threads) {
        Thread[] helpers = new Thread[Math.max(0, threads - 1)];
        RuntimeException[] failure = new RuntimeException[1];
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = new Thread(() -> {
                try {
                    worker.run();
                } catch (RuntimeException e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }, "convkit-signal-" + t);
            helpers[t].setDaemon(true);
            helpers[t].start();
        }
        worker.run();
        for (Thread h : helpers) {
            try {
                h.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for worker threads", e);
            }
        }
        synchronized (failure) {
            if (failure[0] != null) {
                throw failure[0];
            }
        }
    }
}
