package org.convkit.domains.audio;

import java.nio.file.Path;
import org.convkit.api.domain.DataFile;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;

/** The steps the audio domains share between a decoded recording and network inputs. */
final class Recordings {

    private Recordings() {
    }

    /**
     * The recording's channels averaged into one and resampled to {@code rate} with
     * {@link ResamplePoly} (the file's rate rounded to whole Hz; no work when it already is {@code rate}).
     *
     * @param file {@code [channels, samples]} or {@code [samples]}, with a sample rate
     * @throws DataFileException when it is not a recording: wrong rank, no samples or no rate
     */
    static double[] monoAt(DataFile file, int rate) throws DataFileException {
        NdArray data = file.data();
        Shape s = data.shape();
        if (s.rank() != 1 && s.rank() != 2) {
            throw new DataFileException(source(file), "audio must be [channels, samples] or [samples], got shape " + s);
        }
        int channels = s.rank() == 1 ? 1 : s.dim(0);
        int n = s.rank() == 1 ? s.dim(0) : s.dim(1);
        if (channels == 0 || n == 0) {
            throw new DataFileException(source(file), "recording of shape " + s + " holds no samples");
        }
        double fileRate = file.metadata().sampleRate();
        if (!(fileRate >= 0.5) || Double.isInfinite(fileRate)) {
            throw new DataFileException(source(file), "recording has no usable sample rate (got " + fileRate + ")");
        }
        double[] mono = new double[n];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < n; i++) {
                mono[i] += data.getDouble(c * n + i);
            }
        }
        for (int i = 0; i < n; i++) {
            mono[i] /= channels;
        }
        long from = Math.round(fileRate);
        return from == rate ? mono : ResamplePoly.resampleRates(mono, from, rate);
    }

    /**
     * {@code x} cut into {@code [n, 1, window]} float32 windows starting every {@code hop} samples,
     * {@code n = 1 + (length - window) / hop}; a signal shorter than one window is zero-padded to
     * one, and samples after the last whole window are dropped.
     */
    static FloatNd windows(double[] x, int window, int hop) {
        int n = x.length <= window ? 1 : 1 + (x.length - window) / hop;
        if ((long) n * window > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(n + " windows of " + window + " samples are more than an array holds");
        }
        float[] out = new float[n * window];
        for (int w = 0; w < n; w++) {
            int start = w * hop;
            int m = Math.min(window, x.length - start);
            for (int i = 0; i < m; i++) {
                out[w * window + i] = (float) x[start + i];
            }
        }
        return FloatNd.of(Shape.of(n, 1, window), out);
    }

    /** What a {@link DataFileException} about decoded data names, which has no path of its own. */
    static Path source(DataFile file) {
        return Path.of("(" + file.format() + " data)");
    }
}
