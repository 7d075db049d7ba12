package org.convkit.api.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

/**
 * librosa is not installed here (nor torchaudio): the reference values were computed with numpy
 * 1.24 from librosa 0.10's documented formulas (filters.mel, mel_frequencies, hz_to_mel,
 * mel_to_hz), transcribed for the purpose: triangles {@code max(0, min(-ramps[i] / fdiff[i],
 * ramps[i + 2] / fdiff[i + 1]))}, times {@code 2 / (mel_f[i + 2] - mel_f[i])} for norm='slaney'.
 */
class MelFilterbankTest {

    private static double rowSum(DoubleNd w, int row) {
        double s = 0;
        for (int k = 0; k < w.shape().dim(1); k++) {
            s += w.get(row, k);
        }
        return s;
    }

    private static int[] support(DoubleNd w, int row) {
        int first = -1;
        int last = -1;
        for (int k = 0; k < w.shape().dim(1); k++) {
            if (w.get(row, k) > 0) {
                first = first < 0 ? k : first;
                last = k;
            }
        }
        return new int[] {first, last};
    }

    @Test
    void slaneyFilterbankMatchesLibrosaFormulas() {
        // mel(sr=16000, n_fft=512, n_mels=40, fmin=0, fmax=8000, htk=False, norm='slaney')
        DoubleNd w = MelFilterbank.librosa(16000, 512, 40).weights();
        assertEquals(Shape.of(40, 257), w.shape());
        assertEquals(0.0312754747694459, rowSum(w, 0), 1e-14);
        assertEquals(0.03163767656593966, rowSum(w, 1), 1e-14);
        assertEquals(0.032032959814787, rowSum(w, 20), 1e-14);
        assertEquals(0.03198153327895167, rowSum(w, 39), 1e-14);
        assertEquals(0.012868066169521615, w.get(5, 14), 1e-15);
        assertArrayEquals(new int[] {1, 4}, support(w, 0));
        assertArrayEquals(new int[] {220, 255}, support(w, 39));
        double[] c = MelFilterbank.librosa(16000, 512, 40).corners();
        assertEquals(73.57014710882109, c[1], 1e-10);
        assertEquals(7415.484885722341, c[40], 1e-9);
        assertEquals(8000.0, c[41], 1e-9);
    }

    @Test
    void htkFilterbankWithoutNormMatchesLibrosaFormulas() {
        // mel(sr=16000, n_fft=512, n_mels=40, fmin=20, fmax=7600, htk=True, norm=None)
        MelFilterbank mel = new MelFilterbank(16000, 512, 40, 20, 7600, MelFilterbank.MelScale.HTK, false);
        DoubleNd w = mel.weights();
        assertEquals(1.586517832875443, rowSum(w, 0), 1e-12);
        assertEquals(1.4475260994444037, rowSum(w, 1), 1e-12);
        assertEquals(4.815267571755678, rowSum(w, 20), 1e-12);
        assertEquals(14.93268251629643, rowSum(w, 39), 1e-12);
        assertEquals(0.7778935470230722, w.get(5, 11), 1e-14);
        assertArrayEquals(new int[] {1, 3}, support(w, 0));
        assertArrayEquals(new int[] {214, 243}, support(w, 39));
        assertEquals(64.23817998803496, mel.corners()[1], 1e-10);
    }

    @Test
    void largeSlaneyFilterbankMatchesLibrosaFormulas() {
        // mel(sr=22050, n_fft=2048, n_mels=128) (librosa's defaults)
        DoubleNd w = MelFilterbank.librosa(22050, 2048, 128).weights();
        assertEquals(Shape.of(128, 1025), w.shape());
        assertEquals(0.09034588249119982, rowSum(w, 0), 1e-14);
        assertEquals(0.09280048736846658, rowSum(w, 64), 1e-14);
        assertEquals(0.0928692416067143, rowSum(w, 127), 1e-14);
        assertEquals(0.03271332575997968, w.get(5, 14), 1e-15);
        assertArrayEquals(new int[] {971, 1023}, support(w, 127));
    }

    @Test
    void slaneyNormGivesFiltersOfUnitAreaInHertz() {
        // Each triangle of width (c[i+2] - c[i]) Hz scaled by 2 / width has area 1; bins are sr / n_fft apart.
        MelFilterbank mel = MelFilterbank.librosa(16000, 4096, 20);
        DoubleNd w = mel.weights();
        for (int m = 0; m < 20; m++) {
            assertEquals(4096 / 16000.0, rowSum(w, m), 0.02 * 4096 / 16000.0, "filter " + m);
        }
    }

    @Test
    void melScalesMatchLibrosaAndInvert() {
        // librosa.hz_to_mel([0, 500, 1000, 4000]) and with htk=True
        double[] hz = {0, 500, 1000, 4000};
        double[] slaney = {0.0, 7.499999999999999, 14.999999999999998, 35.163760314616646};
        double[] htk = {0.0, 607.44591965659, 999.9855371396244, 2146.06452750619};
        for (int i = 0; i < hz.length; i++) {
            assertEquals(slaney[i], MelFilterbank.hzToMel(hz[i], MelFilterbank.MelScale.SLANEY), 1e-12);
            assertEquals(htk[i], MelFilterbank.hzToMel(hz[i], MelFilterbank.MelScale.HTK), 1e-9);
            for (MelFilterbank.MelScale s : MelFilterbank.MelScale.values()) {
                assertEquals(hz[i], MelFilterbank.melToHz(MelFilterbank.hzToMel(hz[i], s), s), 1e-9);
            }
        }
    }

    @Test
    void applyMultipliesWeightsBySpectrogram() {
        MelFilterbank mel = MelFilterbank.librosa(8000, 16, 3);
        DoubleNd w = mel.weights();
        double[] s = new double[9 * 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = i + 1;
        }
        DoubleNd y = mel.apply(DoubleNd.of(Shape.of(9, 2), s));
        assertEquals(Shape.of(3, 2), y.shape());
        for (int m = 0; m < 3; m++) {
            for (int t = 0; t < 2; t++) {
                double want = 0;
                for (int k = 0; k < 9; k++) {
                    want += w.get(m, k) * s[k * 2 + t];
                }
                assertEquals(want, y.get(m, t), 1e-12);
            }
        }
    }

    @Test
    void spectrogramWithTheWrongNumberOfFrequenciesIsRejected() {
        MelFilterbank mel = MelFilterbank.librosa(8000, 16, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mel.apply(DoubleNd.zeros(Shape.of(8, 2))));
        assertEquals("a filterbank of 3 x 9 cannot apply to a spectrogram of shape " + Shape.of(8, 2)
                + ": it needs 9 frequencies in the first axis", e.getMessage());
    }

    @Test
    void invalidBanksAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new MelFilterbank(16000, 512, 40, 4000, 4000, MelFilterbank.MelScale.HTK, true));
        assertThrows(IllegalArgumentException.class, () -> MelFilterbank.librosa(16000, 512, 0));
        assertThrows(IllegalArgumentException.class, () -> MelFilterbank.librosa(0, 512, 40));
    }
}
