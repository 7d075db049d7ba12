package org.convkit.conv1d;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * A small least-recently-used memo of JTransforms plans by length. Building a plan computes its
 * twiddle tables (tens of milliseconds at 2^20 points, more than a transform), so repeated
 * convolutions of one size reuse them, as scipy.fft caches its plans. A plan's fields are written
 * only by its constructor and transforms use local work arrays, so one plan serves several threads.
 */
final class Plans {
    private static final int CAPACITY = 16;
    private static final Map<Integer, DoubleFFT_1D> CACHE = new LinkedHashMap<>(32, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, DoubleFFT_1D> eldest) {
            return size() > CAPACITY;
        }
    };

    private Plans() {
    }

    /** The plan for real transforms of length {@code n}. */
    static DoubleFFT_1D of(int n) {
        synchronized (CACHE) {
            DoubleFFT_1D p = CACHE.get(n);
            if (p != null) {
                return p;
            }
        }
        // Built outside the lock: another thread may build the same plan, which is harmless.
        DoubleFFT_1D p = new DoubleFFT_1D(n);
        synchronized (CACHE) {
            CACHE.put(n, p);
        }
        return p;
    }
}
