package org.convkit.cli.testdomain;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domain;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.GlobalAvgPoolSpec;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.ModelSpec;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.PoolLayerSpec;
import org.convkit.api.nn.ReluSpec;
import org.convkit.api.nn.SequentialSpec;
import org.convkit.api.signal.Butterworth;
import org.convkit.api.signal.ButterworthFilter;
import org.convkit.api.signal.FilterChain;

/**
 * A test-only 1-d domain, so the CLI is tested without the real plugins: two-channel recordings at
 * 128 Hz, two classes ("low": a 4 Hz rhythm, "high": a 24 Hz rhythm, both in noise), cut into
 * windows of 64 samples after a 1-40 Hz band-pass.
 */
public final class TestSignalDomain implements Domain {
    public static final double RATE = 128;
    static final int CHANNELS = 2;
    static final int WINDOW = 64;
    static final int LENGTH = 256;

    @Override
    public String name() {
        return "test-signal";
    }

    @Override
    public String description() {
        return "test-only two-channel rhythms (low vs high), 128 Hz";
    }

    @Override
    public int rank() {
        return 1;
    }

    @Override
    public boolean multiChannel() {
        return true;
    }

    @Override
    public List<FileFormat> formats() {
        return List.of(new TestSignalFormat());
    }

    @Override
    public FilterChain preprocessing(Metadata metadata) {
        double fs = Double.isNaN(metadata.sampleRate()) ? RATE : metadata.sampleRate();
        return FilterChain.of(new ButterworthFilter(Butterworth.Band.BANDPASS, 2, new double[] {1, 40}, fs, true));
    }

    @Override
    public FloatNd samples(DataFile file) throws IOException {
        Shape s = file.data().shape();
        if (s.rank() != 2 || s.dim(0) != CHANNELS || s.dim(1) < WINDOW) {
            throw new DataFileException(java.nio.file.Path.of(file.format()), "shape is " + s + ", expected ["
                    + CHANNELS + ", >= " + WINDOW + "]");
        }
        DoubleNd x = preprocessing(file.metadata()).apply(file.data().toDouble(), ConvContext.defaults());
        int t = s.dim(1);
        int n = t / WINDOW;
        float[] out = new float[n * CHANNELS * WINDOW];
        for (int w = 0; w < n; w++) {
            for (int c = 0; c < CHANNELS; c++) {
                for (int i = 0; i < WINDOW; i++) {
                    out[(w * CHANNELS + c) * WINDOW + i] = (float) x.getDouble(c * t + w * WINDOW + i);
                }
            }
        }
        return FloatNd.of(Shape.of(n, CHANNELS, WINDOW), out);
    }

    @Override
    public Shape sampleShape() {
        return Shape.of(CHANNELS, WINDOW);
    }

    @Override
    public ModelSpec defaultNetwork(Shape sampleShape, int classes) {
        int c = sampleShape.dim(0);
        return SequentialSpec.of(ConvLayerSpec.of(1, c, 8, 5, Padding.of(2)), ReluSpec.relu(), PoolLayerSpec.max(1, 2),
                ConvLayerSpec.of(1, 8, 8, 5, Padding.of(2)), ReluSpec.relu(), new GlobalAvgPoolSpec(),
                new LinearSpec(8, classes, true));
    }

    @Override
    public List<String> syntheticClasses() {
        return List.of("low", "high");
    }

    @Override
    public DataFile syntheticFile(int label, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double f = label == 0 ? 4 : 24;
        double[] v = new double[CHANNELS * LENGTH];
        for (int c = 0; c < CHANNELS; c++) {
            double phase = rng.nextDouble() * 2 * Math.PI;
            for (int i = 0; i < LENGTH; i++) {
                double t = i / RATE;
                v[c * LENGTH + i] = Math.sin(2 * Math.PI * f * t + phase) + 0.3 * Math.sin(2 * Math.PI * 50 * t)
                        + 0.5 * (2 * rng.nextDouble() - 1);
            }
        }
        List<Metadata.Channel> ch = List.of(new Metadata.Channel("c1", "uV", RATE, LENGTH),
                new Metadata.Channel("c2", "uV", RATE, LENGTH));
        return new DataFile("test-sig", DoubleNd.of(Shape.of(CHANNELS, LENGTH), v), Metadata.recording(RATE, ch));
    }
}
