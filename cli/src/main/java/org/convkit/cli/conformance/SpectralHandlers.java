package org.convkit.cli.conformance;

import java.util.Map;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.signal.ComplexMatrix;
import org.convkit.api.signal.ScipyStftSpec;
import org.convkit.api.signal.Stft;
import org.convkit.api.signal.StftResult;
import org.convkit.api.signal.TorchStftSpec;

/**
 * Handlers for {@code stft} (scipy.signal.stft: x -> f, t, Z) and {@code torch_stft}
 * (torch.stft with a periodic Hann window, centred, reflect padding, onesided: x -> S).
 */
final class SpectralHandlers {

    private SpectralHandlers() {
    }

    static void register(Map<String, OpHandler> m) {
        OpHandlers.put(m, "stft", SpectralHandlers::scipyStft);
        OpHandlers.put(m, "torch_stft", c -> {
            CaseParams p = c.param();
            TorchStftSpec spec = TorchStftSpec.of(p.integer("n_fft"));
            if (p.has("hop")) {
                spec = spec.withHopLength(p.integer("hop"));
            }
            if (p.has("win_length")) {
                spec = spec.withWinLength(p.integer("win_length"));
            }
            return Map.of("S", complex(Stft.torch(c.input("x").toDoubleNd(), spec)));
        });
    }

    private static Map<String, GoldenArray> scipyStft(GoldenCase c) {
        CaseParams p = c.param();
        ScipyStftSpec spec = ScipyStftSpec.of().withFs(p.number("fs", 1.0));
        if (p.has("window")) {
            spec = spec.withWindow(p.string("window"));
        }
        if (p.has("nperseg")) {
            spec = spec.withNperseg(p.integer("nperseg"));
        }
        if (p.has("noverlap")) {
            spec = spec.withNoverlap(p.integer("noverlap"));
        }
        if (p.has("nfft")) {
            spec = spec.withNfft(p.integer("nfft"));
        }
        StftResult r = Stft.scipy(c.input("x").toDoubleNd(), spec);
        return Map.of("f", GoldenArray.of(DoubleNd.vector(r.f())), "t", GoldenArray.of(DoubleNd.vector(r.t())),
                "Z", complex(r.z()));
    }

    private static GoldenArray complex(ComplexMatrix z) {
        return GoldenArray.complex(new int[] {z.rows(), z.cols()}, z.re().clone(), z.im().clone());
    }
}
