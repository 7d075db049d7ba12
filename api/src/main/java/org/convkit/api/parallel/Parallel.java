package org.convkit.api.parallel;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The one way convkit kernels split work over threads: {@code [0, n)} cut into at most
 * {@code threads} contiguous blocks, the first run on the calling thread, the others on pooled
 * daemon threads, all joined before returning. Callers make each index's result independent of
 * the block that computes it, so results never depend on the thread count.
 *
 * <p>Network layers call this hundreds of times per batch, each call a fraction of a millisecond
 * of work, so the hand-off must cost microseconds, not a park and an unpark on each side. An idle
 * worker therefore polls for its next task for {@value #SPIN_NANOS} ns before it parks, and the
 * caller polls for its workers as long before it parks. (An executor's hand-off cost tens of
 * microseconds a call here: LeNet training on two threads ran 1.17x its one-thread speed.) The
 * pool grows on demand, so nested calls cannot deadlock, and a worker idle for a minute ends.
 * The thread budget is always the caller's.
 */
public final class Parallel {
    /**
     * How long an idle worker, or a caller waiting for its workers, polls before parking: long
     * enough to bridge the gap between one layer's call and the next. Paired at two threads
     * against the executor: 30 us gave lenet-train x0.97 and eeg1d-train x0.97; 200 us helped
     * lenet-train (x0.91) but slowed eeg1d-train by 7%.
     */
    static final long SPIN_NANOS = 30_000L;
    /** How long a worker waits for a task before it ends. */
    static final long IDLE_NANOS = 60_000_000_000L;

    /** The work for indices {@code [lo, hi)}. */
    @FunctionalInterface
    public interface Range {
        void run(int lo, int hi);
    }

    private static final AtomicInteger COUNT = new AtomicInteger();
    /** Workers waiting for a task, most recently idle first (the warmest). Guarded by itself. */
    private static final ArrayDeque<Worker> IDLE = new ArrayDeque<>();

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
        Join join = new Join(t - 1);
        for (int i = 1; i < t; i++) {
            int lo = (int) ((long) n * i / t);
            int hi = (int) ((long) n * (i + 1) / t);
            hand(() -> body.run(lo, hi), join);
        }
        Throwable failure = null;
        try {
            body.run(0, n / t);
        } catch (Throwable e) {
            failure = e;
        }
        join.await();
        if (failure == null) {
            failure = join.failure;
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

    /** Gives {@code task} to an idle worker, or to a new one when none is idle. */
    private static void hand(Runnable task, Join join) {
        Worker w;
        synchronized (IDLE) {
            w = IDLE.poll();
        }
        if (w != null) {
            w.start(task, join);
            return;
        }
        w = new Worker();
        w.join = join;
        w.task = task;
        Thread thread = new Thread(w, "convkit-worker-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        w.thread = thread;
        thread.start();
    }

    /** The blocks of one call still running on workers, and the first failure among them. */
    private static final class Join {
        private final AtomicInteger remaining;
        private final Thread waiter = Thread.currentThread();
        private volatile Throwable failure;

        Join(int workers) {
            remaining = new AtomicInteger(workers);
        }

        void done(Throwable e) {
            if (e != null) {
                synchronized (this) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
            if (remaining.decrementAndGet() == 0) {
                LockSupport.unpark(waiter);
            }
        }

        /** Returns when every worker block has finished (an interrupt is kept, not acted on). */
        void await() {
            long start = System.nanoTime();
            while (remaining.get() > 0) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }
    }

    private static final class Worker implements Runnable {
        private volatile Runnable task;
        private Join join;
        private Thread thread;

        /** Called by the thread that took this worker from {@link #IDLE}. */
        void start(Runnable r, Join j) {
            join = j;
            task = r;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            for (Runnable r = task; r != null; r = awaitTask()) {
                Throwable failure = null;
                try {
                    r.run();
                } catch (Throwable e) {
                    failure = e;
                }
                Join j = join;
                join = null;
                task = null;
                synchronized (IDLE) {
                    IDLE.push(this);
                }
                j.done(failure);
            }
        }

        /** The next task, or null when none came for {@link #IDLE_NANOS} and this worker has left the pool. */
        private Runnable awaitTask() {
            long start = System.nanoTime();
            while (true) {
                Runnable r = task;
                if (r != null) {
                    return r;
                }
                long idle = System.nanoTime() - start;
                if (idle < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else if (idle < IDLE_NANOS) {
                    LockSupport.parkNanos(this, IDLE_NANOS - idle);
                } else {
                    synchronized (IDLE) {
                        if (task == null && IDLE.remove(this)) {
                            return null;
                        }
                    }
                    // taken from the pool just now: its task is on the way
                    start = System.nanoTime();
                }
            }
        }
    }
}
