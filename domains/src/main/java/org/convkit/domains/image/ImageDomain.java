package org.convkit.domains.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.DatasetLayouts;
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
import org.convkit.api.nn.train.Dataset;
import org.convkit.api.signal.FilterChain;

/**
 * Colour images: 2-d, many channels. Reads PNG, JPEG, BMP, GIF and TIFF ({@link ImageIoFormat}) as
 * {@code [C, H, W]} in {@code [0, 1]}; writes PNG by default.
 *
 * <p>Samples: every image becomes RGB, then is resized to the sample size with {@link Resize}
 * (antialiased bilinear, aspect ratio not kept): grey is repeated into the three channels, and alpha
 * is dropped (the colour samples are used as stored, not composited over a background), so that grey,
 * colour and transparent files mix in one data set. One file gives one sample {@code [1, 3, H, W]}.
 *
 * <p>Data sets: a folder holding MNIST-style IDX files ({@code train-images-idx3-ubyte[.gz]} and the
 * other three, see {@link IdxData}) loads as its training part with samples {@code [1, 28, 28]}
 * (bytes / 255, not resized); otherwise the generic folder-per-class or manifest layouts.
 *
 * <p>Synthetic data: {@value #SYNTHETIC_SIZE} x {@value #SYNTHETIC_SIZE} RGB images of one filled shape
 * (circle, square, triangle, cross) with seeded colours, position, size and Gaussian noise, rounded to
 * 8 bits as a PNG holds them.
 */
public final class ImageDomain implements Domain {

    /** The default sample shape. */
    public static final Shape SAMPLE_SHAPE = Shape.of(3, 32, 32);

    /** The side of a synthetic image. */
    public static final int SYNTHETIC_SIZE = 40;

    private static final List<FileFormat> FORMATS = List.of(new PngFormat(), new JpegFormat(), new BmpFormat(),
            new GifFormat(), new TiffFormat());
    private static final List<String> CLASSES = List.of("circle", "square", "triangle", "cross");
    private static final double NOISE = 0.04;

    private final Shape sampleShape;

    /** The domain with the default sample shape, as ServiceLoader makes it. */
    public ImageDomain() {
        this(SAMPLE_SHAPE);
    }

    /**
     * The domain resizing images to {@code sampleShape}.
     *
     * @param sampleShape {@code [3, H, W]}
     */
    public ImageDomain(Shape sampleShape) {
        if (sampleShape.rank() != 3 || sampleShape.dim(0) != 3 || sampleShape.dim(1) < 1 || sampleShape.dim(2) < 1) {
            throw new IllegalArgumentException("an image sample shape must be [3, height, width], got " + sampleShape);
        }
        this.sampleShape = sampleShape;
    }

    @Override
    public String name() {
        return "image";
    }

    @Override
    public String description() {
        return "colour images (PNG, JPEG, BMP, GIF, TIFF; MNIST IDX folders) as RGB resized to " + sampleShape;
    }

    @Override
    public int rank() {
        return 2;
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
     * The image as RGB resized to the sample shape, {@code [1, 3, H, W]}; see the class comment.
     *
     * @throws IllegalArgumentException when the data is not {@code [1..4, H, W]}
     */
    @Override
    public FloatNd samples(DataFile file) {
        FloatNd rgb = rgb(file.data().toFloat());
        FloatNd resized = Resize.resize(rgb, sampleShape.dim(1), sampleShape.dim(2));
        return resized.reshape(sampleShape.prepend(1));
    }

    /**
     * The image resized to {@code shape}'s height and width, as RGB when {@code shape} has 3 channels
     * or as grey when it has 1 (a colour image's BT.601 luma {@code 0.299 R + 0.587 G + 0.114 B}; a
     * grey image's own values), so a model trained on grey digits ({@code [1, 28, 28]} from IDX)
     * takes a PNG.
     *
     * @throws IllegalArgumentException when {@code shape} is not {@code [1 or 3, H, W]} or the data not an image
     */
    @Override
    public FloatNd samples(DataFile file, Shape shape) {
        if (shape.rank() != 3 || (shape.dim(0) != 1 && shape.dim(0) != 3)) {
            throw new IllegalArgumentException("image samples are [1 or 3, height, width], the model takes " + shape);
        }
        FloatNd rgb = rgb(file.data().toFloat());
        FloatNd image = shape.dim(0) == 3 ? rgb : grey(rgb, file.data().shape().dim(0) <= 2);
        return Resize.resize(image, shape.dim(1), shape.dim(2)).reshape(shape.prepend(1));
    }

    private static FloatNd grey(FloatNd rgb, boolean wasGrey) {
        int plane = rgb.shape().size() / 3;
        float[] v = rgb.toArray();
        float[] out = new float[plane];
        for (int i = 0; i < plane; i++) {
            out[i] = wasGrey ? v[i] : (float) (0.299 * v[i] + 0.587 * v[plane + i] + 0.114 * v[2 * plane + i]);
        }
        return FloatNd.of(Shape.of(1, rgb.shape().dim(1), rgb.shape().dim(2)), out);
    }

    /**
     * {@code [C, spatial...]} with C from 1 to 4 (grey, grey and alpha, RGB, RGBA) as RGB
     * {@code [3, spatial...]}: grey repeated, alpha dropped.
     *
     * @throws IllegalArgumentException for any other shape
     */
    public static FloatNd rgb(FloatNd image) {
        Shape s = image.shape();
        if (s.rank() < 2 || s.dim(0) < 1 || s.dim(0) > 4) {
            throw new IllegalArgumentException("an image must be [channels 1..4, spatial...], got " + s);
        }
        int plane = s.size() / s.dim(0);
        boolean grey = s.dim(0) <= 2;
        float[] v = image.data();
        float[] out = new float[3 * plane];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(v, image.offset() + (grey ? 0 : c) * plane, out, c * plane, plane);
        }
        return FloatNd.of(s.dropFirst().prepend(3), out);
    }

    @Override
    public Shape sampleShape() {
        return sampleShape;
    }

    /** IDX folders load as their training part (see {@link IdxData}); anything else through {@link DatasetLayouts}. */
    @Override
    public Dataset dataset(Path root) throws IOException {
        if (IdxData.isIdx(root)) {
            return IdxData.load(root);
        }
        return DatasetLayouts.load(root, this);
    }

    /**
     * Two 3x3 convolutions (8 and 16 channels, same padding) each with ReLU and 2x2 max pooling (the
     * pooling left out once an axis is shorter than 2), then a 32-unit hidden layer and the classifier:
     * small enough to train on a few hundred images in seconds.
     */
    @Override
    public ModelSpec defaultNetwork(Shape shape, int classes) {
        if (shape.rank() != 3) {
            throw new IllegalArgumentException("an image network takes samples [C, H, W], got " + shape);
        }
        List<LayerSpec> layers = new ArrayList<>();
        int h = shape.dim(1);
        int w = shape.dim(2);
        int in = shape.dim(0);
        for (int out : new int[] {8, 16}) {
            layers.add(ConvLayerSpec.of(2, in, out, 3, Padding.same()));
            layers.add(ReluSpec.relu());
            if (h >= 2 && w >= 2) {
                layers.add(PoolLayerSpec.max(2, 2));
                h /= 2;
                w /= 2;
            }
            in = out;
        }
        layers.add(new FlattenSpec());
        layers.add(new LinearSpec(in * h * w, 32, true));
        layers.add(ReluSpec.relu());
        layers.add(new LinearSpec(32, classes, true));
        return SequentialSpec.of(layers.toArray(new LayerSpec[0]));
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
        float[] background = new float[3];
        float[] colour = new float[3];
        boolean darkOnLight = rng.nextBoolean();
        for (int c = 0; c < 3; c++) {
            float dark = (float) rng.nextDouble(0, 0.4);
            float light = (float) rng.nextDouble(0.6, 1);
            background[c] = darkOnLight ? light : dark;
            colour[c] = darkOnLight ? dark : light;
        }
        float[] px = new float[3 * n * n];
        for (int c = 0; c < 3; c++) {
            java.util.Arrays.fill(px, c * n * n, (c + 1) * n * n, background[c]);
        }
        double r = rng.nextDouble(0.18 * n, 0.35 * n);
        double cx = rng.nextDouble(r + 1, n - r - 1);
        double cy = rng.nextDouble(r + 1, n - r - 1);
        ShapePainter.paint(px, 0, n, n, ShapePainter.Kind.values()[label], cx, cy, r, colour);
        for (int i = 0; i < px.length; i++) {
            double v = px[i] + NOISE * gaussian(rng);
            px[i] = Math.round(Math.min(1, Math.max(0, v)) * 255) / 255f;
        }
        Metadata m = Metadata.NONE.withChannels(List.of(channel("red"), channel("green"), channel("blue")))
                .withProperties(Map.of(ImageIoFormat.BIT_DEPTH, "8"));
        return new DataFile("png", FloatNd.of(Shape.of(3, n, n), px), m);
    }

    private static Metadata.Channel channel(String label) {
        return new Metadata.Channel(label, "", Double.NaN, (long) SYNTHETIC_SIZE * SYNTHETIC_SIZE);
    }

    /** A standard normal draw (Box-Muller), so that the values depend on the seed alone. */
    static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
