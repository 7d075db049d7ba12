package org.convkit.api.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class SpectrogramTest {

    private static final ComplexMatrix Z = new ComplexMatrix(2, 2, new double[] {3, 0, 1e-6, 0},
            new double[] {4, 2, 0, 0});

    @Test
    void magnitudeAndPowerAreElementWise() {
        assertArrayEquals(new double[] {5, 2, 1e-6, 0}, Spectrogram.magnitude(Z).toArray(), 1e-15);
        assertArrayEquals(new double[] {25, 4, 1e-12, 0}, Spectrogram.power(Z).toArray(), 1e-15);
        assertEquals(Shape.of(2, 2), Spectrogram.power(Z).shape());
    }

    @Test
    void powerToDbClampsAtAminAndKeepsTopDbBelowThePeak() {
        // librosa.power_to_db([[25, 4], [1e-12, 0]]) = 10 log10(max(1e-10, p)), floored at max - 80
        double[] db = Spectrogram.powerToDb(Spectrogram.power(Z), Decibels.librosa()).toArray();
        double peak = 10 * Math.log10(25);
        assertArrayEquals(new double[] {peak, 10 * Math.log10(4), peak - 80, peak - 80}, db, 1e-12);
    }

    @Test
    void powerToDbWithoutTopDbGoesDownToAmin() {
        double[] db = Spectrogram.powerToDb(Spectrogram.power(Z),
                Decibels.librosa().withTopDb(Double.POSITIVE_INFINITY)).toArray();
        assertArrayEquals(new double[] {10 * Math.log10(25), 10 * Math.log10(4), -100, -100}, db, 1e-12);
    }

    @Test
    void referenceAtTheMaximumMakesThePeakZeroDecibels() {
        double[] db = Spectrogram.powerToDb(Spectrogram.power(Z), Decibels.librosa().withRefMax()).toArray();
        assertEquals(0.0, db[0], 1e-12);
        assertEquals(10 * Math.log10(4.0 / 25), db[1], 1e-12);
        double[] ref = Spectrogram.powerToDb(Spectrogram.power(Z), Decibels.librosa().withRef(4)).toArray();
        assertEquals(0.0, ref[1], 1e-12);
    }

    @Test
    void amplitudeToDbIsTwentyLog10() {
        DoubleNd a = DoubleNd.vector(10, 1, 0.1);
        assertArrayEquals(new double[] {20, 0, -20}, Spectrogram.amplitudeToDb(a, Decibels.librosa()).toArray(), 1e-12);
    }

    @Test
    void invalidDecibelSettingsAndNegativePowerAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Decibels.librosa().withAmin(0));
        assertThrows(IllegalArgumentException.class, () -> Decibels.librosa().withTopDb(-1));
        assertThrows(IllegalArgumentException.class, () -> Decibels.librosa().withRef(0));
        assertThrows(IllegalArgumentException.class,
                () -> Spectrogram.powerToDb(DoubleNd.vector(1, -1), Decibels.librosa()));
    }

    @Test
    void logMelOfAToneIsLoudestInTheBandAroundIt() {
        double sr = 16000;
        double[] x = new double[8000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(2 * Math.PI * 1000 * i / sr);
        }
        ComplexMatrix z = Stft.torch(DoubleNd.vector(x), TorchStftSpec.of(512).withHopLength(160));
        MelFilterbank mel = MelFilterbank.librosa(sr, 512, 40);
        DoubleNd lm = Spectrogram.logMel(z, mel, Decibels.librosa());
        assertEquals(Shape.of(40, z.cols()), lm.shape());
        double[] corners = mel.corners();
        int frame = z.cols() / 2;
        int best = 0;
        for (int m = 1; m < 40; m++) {
            best = lm.get(m, frame) > lm.get(best, frame) ? m : best;
        }
        assertEquals(true, corners[best] < 1000 && 1000 < corners[best + 2], "band " + best);
    }
}
