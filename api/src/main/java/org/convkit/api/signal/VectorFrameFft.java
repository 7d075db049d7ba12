package org.convkit.api.signal;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.convkit.api.parallel.Parallel;

/**
 * The onesided {@link FrameFft} for power-of-two {@code nfft >= }{@value #MIN_NFFT} on the Vector
 * API, vectorised across frames: each vector lane holds a different frame and all lanes run the
 * same butterflies. A block of {@code GROUPS * L} frames ({@code L} = the preferred species'
 * doubles, so 64 frames with AVX2) is read (one read of the block's samples when there is no
 * per-frame detrending or zero padding) and packed as {@code z[m] = x[2m] + i x[2m+1]}
 * (windowed in the FFT's first pass) into {@code GROUPS} buffers laid out
 * {@code [element][lane]}; each is transformed by an iterative radix-2 decimation-in-frequency
 * complex FFT of {@code nfft / 2} points (two stages per pass over the buffer, output in
 * bit-reversed order), and the standard real-FFT split gives bins {@code 0 .. nfft/2}, written
 * to the {@code [frequency, frame]} output in contiguous runs of the block's frames. Sign
 * convention {@code exp(-2 pi i k n / nfft)}, as JTransforms and numpy;
 * results agree with JTransforms to about 1e-15 relative, not bit for bit.
 *
 * <p>Every lane computes its frame with the same sequence of IEEE operations, so a frame's result
 * depends neither on its lane nor on the thread count. Twiddle tables are cached per
 * {@code nfft} and never modified. Loading this class throws {@link LinkageError} when
 * {@code jdk.incubator.vector} is absent; {@link FrameFft} checks first.
 */
final class VectorFrameFft {
    static final int MIN_NFFT = 16;
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int GROUPS = 16;
    private static final ConcurrentHashMap<Integer, Plan> PLANS = new ConcurrentHashMap<>();

    private VectorFrameFft() {
    }

    /** Whether this kernel handles a transform of {@code nfft} points. */
    static boolean supports(int nfft, boolean onesided) {
        return onesided && nfft >= MIN_NFFT && Integer.bitCount(nfft) == 1;
    }

    /** As {@link FrameFft#run} for a {@link #supports supported} onesided {@code nfft}. */
    static void run(FrameSource src, int frames, int hop, double[] window, int nfft, Detrend detrend,
                    ComplexMatrix out, int threads) {
        Plan plan = PLANS.computeIfAbsent(nfft, Plan::new);
        int block = GROUPS * L;
        int blocks = (frames + block - 1) / block;
        int workers = frames < 2 * block ? 1 : threads;
        double[] padded = Arrays.copyOf(window, nfft);
        double[] wre = new double[nfft / 2];
        double[] wim = new double[nfft / 2];
        for (int t = 0; t < nfft / 2; t++) {
            wre[t] = padded[2 * t];
            wim[t] = padded[2 * t + 1];
        }
        Parallel.forRange(blocks, workers, (lo, hi) -> {
            int half = nfft / 2;
            double[][] re = new double[GROUPS][half * L];
            double[][] im = new double[GROUPS][half * L];
            double[] frame = new double[nfft];
            double[] lanes = new double[2 * L];
            int len = window.length;
            // One read per block when frames need no per-frame work (a shorter window is zero-padded
            // after windowing, as scipy does, so those frames are read one by one).
            boolean spans = detrend == Detrend.NONE && len == nfft;
            double[] span = spans ? new double[(block - 1) * hop + nfft] : null;
            int[] lanesAt = new int[L];
            for (int j = 0; j < L; j++) {
                lanesAt[j] = j * hop;
            }
            for (int b = lo; b < hi; b++) {
                int f0 = b * block;
                int count = Math.min(block, frames - f0);
                if (spans) {
                    int avail = (count - 1) * hop + len;
                    src.read(f0 * hop, span, avail);
                    Arrays.fill(span, avail, span.length, 0.0);
                    for (int g = 0; g < GROUPS; g++) {
                        plan.packSpan(span, g * L * hop, lanesAt, re[g], im[g]);
                    }
                } else {
                    for (int j = 0; j < block; j++) {
                        if (j < count) {
                            src.read((f0 + j) * hop, frame, len);
                            detrend.apply(frame, len);
                        } else {
                            Arrays.fill(frame, 0, len, 0.0);
                        }
                        plan.pack(frame, re[j / L], im[j / L], j % L);
                    }
                }
                for (int g = 0; g < GROUPS; g++) {
                    plan.fft(re[g], im[g], wre, wim);
                }
                plan.split(re, im, out, f0, count, lanes);
            }
        });
    }

    /** Immutable tables for one {@code nfft}: bit reversal and the two twiddle sets. */
    private static final class Plan {
        final int nfft;
        final int half;
        final int[] rev;
        /** cos(2 pi t / half), -sin(2 pi t / half) for t < half / 2. */
        final double[] cos;
        final double[] sin;
        /** Half the split twiddles: cos(2 pi k / nfft) / 2, -sin(2 pi k / nfft) / 2 for k <= half. */
        final double[] hcos;
        final double[] hsin;

        Plan(int nfft) {
            this.nfft = nfft;
            this.half = nfft / 2;
            int bits = Integer.numberOfTrailingZeros(half);
            rev = new int[half];
            for (int m = 0; m < half; m++) {
                rev[m] = Integer.reverse(m) >>> (32 - bits);
            }
            cos = new double[half / 2];
            sin = new double[half / 2];
            for (int t = 0; t < half / 2; t++) {
                double a = 2 * Math.PI * t / half;
                cos[t] = Math.cos(a);
                sin[t] = -Math.sin(a);
            }
            cos[0] = 1;
            sin[0] = 0;
            cos[half / 4] = 0;
            sin[half / 4] = -1;
            hcos = new double[half + 1];
            hsin = new double[half + 1];
            for (int k = 0; k <= half; k++) {
                double a = 2 * Math.PI * k / nfft;
                hcos[k] = 0.5 * Math.cos(a);
                hsin[k] = -0.5 * Math.sin(a);
            }
            hcos[0] = 0.5;
            hsin[0] = 0;
            hcos[half / 2] = 0;
            hsin[half / 2] = -0.5;
            hcos[half] = -0.5;
            hsin[half] = 0;
        }

        /**
         * Packs real frame {@code x} ({@code nfft} values, not yet windowed)
         * into lane {@code lane} as complex samples, natural order.
         */
        void pack(double[] x, double[] re, double[] im, int lane) {
            for (int m = 0, i = lane; m < half; m++, i += L) {
                re[i] = x[2 * m];
                im[i] = x[2 * m + 1];
            }
        }

        /**
         * Packs the {@code L} frames (not yet windowed) starting at {@code span[from + lanesAt[j]]} into
         * lanes {@code j} as complex samples, natural order; one lane at a time.
         */
        void packSpan(double[] span, int from, int[] lanesAt, double[] re, double[] im) {
            for (int j = 0; j < L; j++) {
                int s = from + lanesAt[j];
                for (int m = 0, i = j; m < half; m++, i += L) {
                    re[i] = span[s + 2 * m];
                    im[i] = span[s + 2 * m + 1];
                }
            }
        }

        /**
         * In-place radix-2 decimation-in-frequency FFT of {@code half} points per lane, natural
         * order in, bit-reversed order out; two stages per pass over the data. The first pass
         * multiplies element {@code m} by the window, {@code wre[m] + i wim[m]} component-wise
         * ({@code w[2m]} and {@code w[2m+1]}); {@code nfft >= 16} makes that first pass a generic
         * one, never {@link #lastPass}.
         */
        void fft(double[] re, double[] im, double[] wre, double[] wim) {
            int span = half / 2;
            for (; span >= 2; span /= 4) {
                if (span == 2) {
                    lastPass(re, im);
                    continue;
                }
                int quarter = span / 2;
                int stepA = half / (2 * span);
                int stepB = half / span;
                for (int j = 0; j < quarter; j++) {
                    DoubleVector w0r = DoubleVector.broadcast(S, cos[j * stepA]);
                    DoubleVector w0i = DoubleVector.broadcast(S, sin[j * stepA]);
                    DoubleVector w1r = DoubleVector.broadcast(S, cos[j * stepA + half / 4]);
                    DoubleVector w1i = DoubleVector.broadcast(S, sin[j * stepA + half / 4]);
                    DoubleVector w2r = DoubleVector.broadcast(S, cos[j * stepB]);
                    DoubleVector w2i = DoubleVector.broadcast(S, sin[j * stepB]);
                    DoubleVector nw0i = w0i.neg();
                    DoubleVector nw1i = w1i.neg();
                    DoubleVector nw2i = w2i.neg();
                    for (int g = j; g < half; g += 2 * span) {
                        int i0 = g * L;
                        int i1 = (g + quarter) * L;
                        int i2 = (g + span) * L;
                        int i3 = (g + span + quarter) * L;
                        DoubleVector x0r = DoubleVector.fromArray(S, re, i0);
                        DoubleVector x0i = DoubleVector.fromArray(S, im, i0);
                        DoubleVector x1r = DoubleVector.fromArray(S, re, i1);
                        DoubleVector x1i = DoubleVector.fromArray(S, im, i1);
                        DoubleVector x2r = DoubleVector.fromArray(S, re, i2);
                        DoubleVector x2i = DoubleVector.fromArray(S, im, i2);
                        DoubleVector x3r = DoubleVector.fromArray(S, re, i3);
                        DoubleVector x3i = DoubleVector.fromArray(S, im, i3);
                        if (span == half / 2) {
                            x0r = x0r.mul(wre[g]);
                            x0i = x0i.mul(wim[g]);
                            x1r = x1r.mul(wre[g + quarter]);
                            x1i = x1i.mul(wim[g + quarter]);
                            x2r = x2r.mul(wre[g + span]);
                            x2i = x2i.mul(wim[g + span]);
                            x3r = x3r.mul(wre[g + span + quarter]);
                            x3i = x3i.mul(wim[g + span + quarter]);
                        }
                        // stage of span `span`: (0, 2) with w0, (1, 3) with w1
                        DoubleVector a0r = x0r.add(x2r);
                        DoubleVector a0i = x0i.add(x2i);
                        DoubleVector dr = x0r.sub(x2r);
                        DoubleVector di = x0i.sub(x2i);
                        DoubleVector a2r = di.fma(nw0i, dr.mul(w0r));
                        DoubleVector a2i = di.fma(w0r, dr.mul(w0i));
                        DoubleVector a1r = x1r.add(x3r);
                        DoubleVector a1i = x1i.add(x3i);
                        dr = x1r.sub(x3r);
                        di = x1i.sub(x3i);
                        DoubleVector a3r = di.fma(nw1i, dr.mul(w1r));
                        DoubleVector a3i = di.fma(w1r, dr.mul(w1i));
                        // stage of span `quarter`: (0, 1) and (2, 3), both with w2
                        a0r.add(a1r).intoArray(re, i0);
                        a0i.add(a1i).intoArray(im, i0);
                        dr = a0r.sub(a1r);
                        di = a0i.sub(a1i);
                        di.fma(nw2i, dr.mul(w2r)).intoArray(re, i1);
                        di.fma(w2r, dr.mul(w2i)).intoArray(im, i1);
                        a2r.add(a3r).intoArray(re, i2);
                        a2i.add(a3i).intoArray(im, i2);
                        dr = a2r.sub(a3r);
                        di = a2i.sub(a3i);
                        di.fma(nw2i, dr.mul(w2r)).intoArray(re, i3);
                        di.fma(w2r, dr.mul(w2i)).intoArray(im, i3);
                    }
                }
            }
            if (span == 1) {
                for (int i = 0; i < half * L; i += 2 * L) {
                    DoubleVector ar = DoubleVector.fromArray(S, re, i);
                    DoubleVector ai = DoubleVector.fromArray(S, im, i);
                    DoubleVector br = DoubleVector.fromArray(S, re, i + L);
                    DoubleVector bi = DoubleVector.fromArray(S, im, i + L);
                    ar.add(br).intoArray(re, i);
                    ai.add(bi).intoArray(im, i);
                    ar.sub(br).intoArray(re, i + L);
                    ai.sub(bi).intoArray(im, i + L);
                }
            }
        }

        /**
         * The fused pass of spans 2 and 1, whose twiddles are 1, {@code -i} and 1: the generic
         * pass without the multiplications.
         */
        private static void lastPass(double[] re, double[] im) {
            for (int i0 = 0; i0 < re.length; i0 += 4 * L) {
                int i1 = i0 + L;
                int i2 = i0 + 2 * L;
                int i3 = i0 + 3 * L;
                DoubleVector x0r = DoubleVector.fromArray(S, re, i0);
                DoubleVector x0i = DoubleVector.fromArray(S, im, i0);
                DoubleVector x1r = DoubleVector.fromArray(S, re, i1);
                DoubleVector x1i = DoubleVector.fromArray(S, im, i1);
                DoubleVector x2r = DoubleVector.fromArray(S, re, i2);
                DoubleVector x2i = DoubleVector.fromArray(S, im, i2);
                DoubleVector x3r = DoubleVector.fromArray(S, re, i3);
                DoubleVector x3i = DoubleVector.fromArray(S, im, i3);
                DoubleVector a0r = x0r.add(x2r);
                DoubleVector a0i = x0i.add(x2i);
                DoubleVector a2r = x0r.sub(x2r);
                DoubleVector a2i = x0i.sub(x2i);
                DoubleVector a1r = x1r.add(x3r);
                DoubleVector a1i = x1i.add(x3i);
                // (x1 - x3) * (-i)
                DoubleVector a3r = x1i.sub(x3i);
                DoubleVector a3i = x3r.sub(x1r);
                a0r.add(a1r).intoArray(re, i0);
                a0i.add(a1i).intoArray(im, i0);
                a0r.sub(a1r).intoArray(re, i1);
                a0i.sub(a1i).intoArray(im, i1);
                a2r.add(a3r).intoArray(re, i2);
                a2i.add(a3i).intoArray(im, i2);
                a2r.sub(a3r).intoArray(re, i3);
                a2i.sub(a3i).intoArray(im, i3);
            }
        }

        /**
         * Bins {@code 0 .. half} of every packed spectrum: with {@code Z[k] = a + ib} and
         * {@code Z[half - k] = c + id}, {@code X[k] = (a+c)/2 + hr (b+d) + hi (a-c)} plus
         * {@code i ((b-d)/2 - hr (a-c) + hi (b+d))}, where {@code hr + i hi} is half the twiddle
         * {@code exp(-2 pi i k / nfft)}; bins 0 and {@code half} are real. Only frames
         * {@code f0 .. f0 + count} are written.
         */
        void split(double[][] re, double[][] im, ComplexMatrix out, int f0, int count, double[] lanes) {
            double[] ore = out.re();
            double[] oim = out.im();
            int cols = out.cols();
            DoubleVector h = DoubleVector.broadcast(S, 0.5);
            DoubleVector zero = DoubleVector.zero(S);
            // Bins k and half - k read the same two elements (swapped): one pass serves both.
            for (int k = 0; k <= half / 2; k++) {
                int k2 = half - k;
                int p = rev[k] * L;
                int q = rev[k == 0 ? 0 : k2] * L;
                DoubleVector hr = DoubleVector.broadcast(S, hcos[k]);
                DoubleVector hi = DoubleVector.broadcast(S, hsin[k]);
                DoubleVector nhr = hr.neg();
                DoubleVector hr2 = DoubleVector.broadcast(S, hcos[k2]);
                DoubleVector hi2 = DoubleVector.broadcast(S, hsin[k2]);
                DoubleVector nhr2 = hr2.neg();
                int row = k * cols + f0;
                int row2 = k2 * cols + f0;
                for (int g = 0; g < GROUPS; g++) {
                    int n = Math.min(L, count - g * L);
                    if (n <= 0) {
                        break;
                    }
                    DoubleVector a = DoubleVector.fromArray(S, re[g], p);
                    DoubleVector b = DoubleVector.fromArray(S, im[g], p);
                    DoubleVector c = DoubleVector.fromArray(S, re[g], q);
                    DoubleVector d = DoubleVector.fromArray(S, im[g], q);
                    DoubleVector s1 = a.add(c);
                    DoubleVector s2 = b.add(d);
                    DoubleVector d1 = a.sub(c);
                    DoubleVector d2 = b.sub(d);
                    DoubleVector xr = hi.fma(d1, hr.fma(s2, s1.mul(h)));
                    DoubleVector xi = k == 0 ? zero : hi.fma(s2, nhr.fma(d1, d2.mul(h)));
                    store(xr, xi, ore, oim, row + g * L, n, lanes);
                    if (k2 != k) {
                        // swapped roles: c - a = -(a - c) and d - b = -(b - d) exactly
                        DoubleVector e1 = d1.neg();
                        DoubleVector e2 = d2.neg();
                        DoubleVector yr = hi2.fma(e1, hr2.fma(s2, s1.mul(h)));
                        DoubleVector yi = k == 0 ? zero : hi2.fma(s2, nhr2.fma(e1, e2.mul(h)));
                        store(yr, yi, ore, oim, row2 + g * L, n, lanes);
                    }
                }
            }
        }

        /** Writes the first {@code n} lanes of {@code xr} and {@code xi} at {@code ore[at]}, {@code oim[at]}. */
        private static void store(DoubleVector xr, DoubleVector xi, double[] ore, double[] oim, int at, int n,
                                  double[] lanes) {
            if (n == L) {
                xr.intoArray(ore, at);
                xi.intoArray(oim, at);
            } else {
                xr.intoArray(lanes, 0);
                xi.intoArray(lanes, L);
                for (int j = 0; j < n; j++) {
                    ore[at + j] = lanes[j];
                    oim[at + j] = lanes[L + j];
                }
            }
        }
    }
}
