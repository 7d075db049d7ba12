package org.convkit.domains.video;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domain;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.domain.Metadata;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.FlattenSpec;
import org.convkit.api.nn.LayerSpec;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.ModelSpec;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.PoolLayerSpec;
import org.convkit.api.nn.ReluSpec;
import org.convkit.api.nn.SequentialSpec;
import org.convkit.api.signal.FilterChain;
import org.convkit.domains.image.ImageDomain;
import org.convkit.domains.image.Resize;
import org.convkit.domains.image.ShapePainter;

/**
 * Video: 3-d (time, height, width), many channels. Reads YUV4MPEG2 ({@link Y4mFormat}, written by
 * default) and folders of numbered images ({@link FramesFormat}) as {@code [C, frames, H, W]} in
 * {@code [0, 1]}, {@code sampleRate} the frame rate.
 *
 * <p>Samples: the whole clip becomes RGB as in the image domain (grey repeated, alpha dropped) and is
 * resized along time, height and width at once to the sample shape with {@link Resize} (antialiased
 * linear: a long clip is averaged down to the sample's frames, not cut into windows). One file gives
 * one sample {@code [1, 3, T, H, W]}.
 *
 * <p>Synthetic data: {@value #SYNTHETIC_FRAMES} frames of {@value #SYNTHETIC_SIZE} x
 * {@value #SYNTHETIC_SIZE} at 25 frames per second, one shape of a seeded kind, colour, size and speed
 * moving in the direction its class names, with Gaussian noise in every frame.
 */
public final class VideoDomain implements Domain {

    /** The default sample shape {@code [3, frames, H, W]}. */
    public static final Shape SAMPLE_SHAPE = Shape.of(3, 8, 32, 32);

    /** Frames of a synthetic clip. */
    public static final int SYNTHETIC_FRAMES = 12;

    /** The side of a synthetic clip's frames. */
    public static final int SYNTHETIC_SIZE = 36;

    private static final double SYNTHETIC_RATE = 25;
    private static final double NOISE = 0.03;
    private static final List<FileFormat> FORMATS = List.of(new Y4mFormat(), new FramesFormat());
    private static final List<String> CLASSES = List.of("left-to-right", "right-to-left", "top-to-bottom",
            "bottom-to-top");

    private final Shape sampleShape;

    /** The domain with the default sample shape, as ServiceLoader makes it. */
    public VideoDomain() {
        this(SAMPLE_SHAPE);
    }

    /** @param sampleShape {@code [3, frames, H, W]} */
    public VideoDomain(Shape sampleShape) {
        if (sampleShape.rank() != 4 || sampleShape.dim(0) != 3 || sampleShape.dim(1) < 1 || sampleShape.dim(2) < 1
                || sampleShape.dim(3) < 1) {
            throw new IllegalArgumentException("a video sample shape must be [3, frames, height, width], got "
                    + sampleShape);
        }
        this.sampleShape = sampleShape;
    }

    @Override
    public String name() {
        return "video";
    }

    @Override
    public String description() {
        return "video (YUV4MPEG2, folders of numbered frames) as RGB clips resized to " + sampleShape;
    }

    @Override
    public int rank() {
        return 3;
    }

    @Override
    public boolean multiChannel() {
        return true;
    }

    @Override
    public List<FileFormat> formats() {
        return FORMATS;
    }

    @Override
    public FilterChain preprocessing(Metadata metadata) {
        return FilterChain.of();
    }

    /**
     * The clip as RGB resized to the sample shape, {@code [1, 3, T, H, W]}.
     *
     * @throws IllegalArgumentException when the data is not {@code [1..4, frames, H, W]}
     */
    @Override
    public FloatNd samples(DataFile file) {
        FloatNd data = file.data().toFloat();
        if (data.shape().rank() != 4) {
            throw new IllegalArgumentException("a video must be [channels, frames, height, width], got " + data.shape());
        }
        FloatNd rgb = ImageDomain.rgb(data);
        return Resize.resize(rgb, sampleShape.dim(1), sampleShape.dim(2), sampleShape.dim(3))
                .reshape(sampleShape.prepend(1));
    }

    @Override
    public Shape sampleShape() {
        return sampleShape;
    }

    /**
     * A 3x3x3 convolution of stride 2 (8 channels), ReLU, 2x2x2 max pooling, a 3x3x3 convolution (16
     * channels), ReLU, 2x2x2 max pooling (each pooling left out once an axis is shorter than 2), a
     * 32-unit hidden layer and the classifier. The strided first layer keeps the cost of a
     * {@code [3, 8, 32, 32]} clip near a million multiply-adds.
     */
    @Override
    public ModelSpec defaultNetwork(Shape shape, int classes) {
        if (shape.rank() != 4) {
            throw new IllegalArgumentException("a video network takes samples [C, T, H, W], got " + shape);
        }
        int[] dims = {shape.dim(1), shape.dim(2), shape.dim(3)};
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new ConvLayerSpec(3, shape.dim(0), 8, new int[] {3}, new int[] {2}, Padding.same(), new int[] {1}, 1,
                true));
        for (int a = 0; a < 3; a++) {
            dims[a] = (dims[a] + 1) / 2;
        }
        layers.add(ReluSpec.relu());
        pool(layers, dims);
        layers.add(ConvLayerSpec.of(3, 8, 16, 3, Padding.same()));
        layers.add(ReluSpec.relu());
        pool(layers, dims);
        layers.add(new FlattenSpec());
        layers.add(new LinearSpec(16 * dims[0] * dims[1] * dims[2], 32, true));
        layers.add(ReluSpec.relu());
        layers.add(new LinearSpec(32, classes, true));
        return SequentialSpec.of(layers.toArray(new LayerSpec[0]));
    }

    private static void pool(List<LayerSpec> layers, int[] dims) {
        if (Arrays.stream(dims).allMatch(d -> d >= 2)) {
            layers.add(PoolLayerSpec.max(3, 2));
            for (int a = 0; a < 3; a++) {
                dims[a] /= 2;
            }
        }
    }

    @Override
    public List<String> syntheticClasses() {
        return CLASSES;
    }

    @Override
    public DataFile syntheticFile(int label, long seed) {
        if (label < 0 || label >= CLASSES.size()) {
            throw new IllegalArgumentException("label " + label + " is outside [0, " + CLASSES.size() + ")");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int n = SYNTHETIC_SIZE;
        int frames = SYNTHETIC_FRAMES;
        float[] background = new float[3];
        float[] colour = new float[3];
        boolean darkOnLight = rng.nextBoolean();
        for (int c = 0; c < 3; c++) {
            float dark = (float) rng.nextDouble(0, 0.4);
            float light = (float) rng.nextDouble(0.6, 1);
            background[c] = darkOnLight ? light : dark;
            colour[c] = darkOnLight ? dark : light;
        }
        ShapePainter.Kind kind = ShapePainter.Kind.values()[rng.nextInt(ShapePainter.Kind.values().length)];
        double r = rng.nextDouble(4, 7);
        double speed = rng.nextDouble(1.0, 1.6);
        double travel = speed * (frames - 1);
        double start = rng.nextDouble(r + 1, n - r - 1 - travel);
        double across = rng.nextDouble(r + 1, n - r - 1);
        int plane = n * n;
        float[] out = new float[3 * frames * plane];
        float[] frame = new float[3 * plane];
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < 3; c++) {
                Arrays.fill(frame, c * plane, (c + 1) * plane, background[c]);
            }
            double along = label % 2 == 0 ? start + speed * f : n - start - speed * f;
            double cx = label < 2 ? along : across;
            double cy = label < 2 ? across : along;
            ShapePainter.paint(frame, 0, n, n, kind, cx, cy, r, colour);
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < plane; i++) {
                    double v = frame[c * plane + i] + NOISE * gaussian(rng);
                    out[(c * frames + f) * plane + i] = (float) Math.min(1, Math.max(0, v));
                }
            }
        }
        List<Metadata.Channel> channels = new ArrayList<>();
        for (String l : List.of("red", "green", "blue")) {
            channels.add(new Metadata.Channel(l, "", SYNTHETIC_RATE, frames));
        }
        return new DataFile("y4m", FloatNd.of(Shape.of(3, frames, n, n), out),
                Metadata.recording(SYNTHETIC_RATE, channels));
    }

    /** A standard normal draw (Box-Muller), so that the values depend on the seed alone. */
    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
