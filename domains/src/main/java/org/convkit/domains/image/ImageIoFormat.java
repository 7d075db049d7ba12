package org.convkit.domains.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.AtomicFiles;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.FloatNd;

/**
 * An image container decoded and encoded through {@code javax.imageio}, as {@code [C, H, W]} float32
 * values in {@code [0, 1]} (see {@link ImagePixels} for the channel and scaling rules).
 *
 * <p>Reading checks, before anything of the image's size is allocated: the magic bytes, the
 * container's structure against the file length ({@link #checkStructure}), and the width and height
 * from the header against {@link #MAX_PIXELS}. A decoder warning (ImageIO's JPEG reader warns and goes
 * on when the data ends early) and every exception of the decoder become a {@link DataFileException}
 * naming the file: a damaged file never yields a partial image.
 *
 * <p>Metadata: the channel labels ({@code grey}, {@code red}, ..., {@code alpha}) and the property
 * {@value #BIT_DEPTH} (the stored bits per sample, {@code "8"} or {@code "16"}); writers that can hold
 * 16-bit samples use them when that property says {@code "16"}.
 */
public abstract class ImageIoFormat implements FileFormat {

    /** The most pixels (width times height) an image may declare: 2^28. */
    public static final long MAX_PIXELS = 1L << 28;

    /** The metadata property holding the stored bits per sample. */
    public static final String BIT_DEPTH = "bitDepth";

    private final String name;
    private final List<String> extensions;
    private final String imageIoName;

    /**
     * @param name        the format's name
     * @param extensions  its file name endings, the one written first
     * @param imageIoName the ImageIO format name of its reader and writer
     */
    protected ImageIoFormat(String name, List<String> extensions, String imageIoName) {
        this.name = name;
        this.extensions = List.copyOf(extensions);
        this.imageIoName = imageIoName;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> extensions() {
        return extensions;
    }

    /** Whether {@code head}, the file's first bytes, starts with this container's magic bytes. */
    protected abstract boolean hasMagic(byte[] head);

    /** Recognised by magic bytes only: a name is no evidence of an image's content. */
    @Override
    public boolean recognises(Path file, byte[] head) {
        return hasMagic(head);
    }

    /**
     * Checks the container's structure against the file's length before decoding (chunks, trailer,
     * declared pixel data); throws a {@link DataFileException} naming the field at fault. The default
     * checks nothing.
     */
    protected void checkStructure(Path file, long length) throws IOException {
    }

    @Override
    public DataFile read(Path file) throws IOException {
        long length = Files.size(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        }
        if (!hasMagic(head)) {
            throw new DataFileException(file, length == 0 ? "the file is empty"
                    : "not a " + name + " file: it does not start with the " + name + " magic bytes");
        }
        checkStructure(file, length);
        BufferedImage image = decode(file);
        ImagePixels.Decoded d = ImagePixels.read(image, file);
        int channels = d.data().shape().dim(0);
        long plane = (long) d.data().shape().dim(1) * d.data().shape().dim(2);
        List<Metadata.Channel> labels = new ArrayList<>();
        for (String label : ImagePixels.labels(channels)) {
            labels.add(new Metadata.Channel(label, "", Double.NaN, plane));
        }
        Metadata m = Metadata.NONE.withChannels(labels).withProperties(Map.of(BIT_DEPTH, Integer.toString(d.bitDepth())));
        return new DataFile(name, d.data(), m);
    }

    private BufferedImage decode(Path file) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(imageIoName);
        if (!readers.hasNext()) {
            throw new IOException("this Java runtime has no ImageIO reader for " + imageIoName);
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            checkSize(file, reader.getWidth(0), reader.getHeight(0));
            BufferedImage image = reader.read(0);
            if (!warnings.isEmpty()) {
                throw new DataFileException(file, "damaged " + name + " data: " + String.join("; ", warnings));
            }
            return image;
        } catch (DataFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ImageIO reports damage as IIOException, EOFException or unchecked exceptions of its decoders
            throw new DataFileException(file, "damaged " + name + " data: " + e);
        } finally {
            reader.dispose();
        }
    }

    /** Checks a declared width and height against {@link #MAX_PIXELS}, naming the field at fault. */
    static void checkSize(Path file, long width, long height) throws DataFileException {
        if (width < 1) {
            throw new DataFileException(file, "field 'width' is " + width + ", expected at least 1");
        }
        if (height < 1) {
            throw new DataFileException(file, "field 'height' is " + height + ", expected at least 1");
        }
        if (width * height > MAX_PIXELS) {
            throw new DataFileException(file, "fields 'width' x 'height' are " + width + " x " + height + " = "
                    + width * height + " pixels, more than the cap of " + MAX_PIXELS);
        }
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    /**
     * The image to encode for {@code data} {@code [C, H, W]}; by default 8-bit samples.
     *
     * @throws IllegalArgumentException when the container cannot hold that many channels
     */
    protected BufferedImage toImage(FloatNd data, Metadata metadata) {
        return ImagePixels.image(data, 8);
    }

    /** The encoder's parameters, or null for its defaults. */
    protected ImageWriteParam writeParam(ImageWriter writer, Metadata metadata) {
        return null;
    }

    /** Whether {@code metadata} asks for 16-bit samples ({@value #BIT_DEPTH} {@code = "16"}). */
    protected static boolean sixteenBit(Metadata metadata) {
        return "16".equals(metadata.properties().get(BIT_DEPTH));
    }

    /** Throws unless {@code data} has one of {@code allowed} channels. */
    protected final void requireChannels(FloatNd data, int... allowed) {
        if (data.shape().rank() == 3) {
            for (int c : allowed) {
                if (data.shape().dim(0) == c) {
                    return;
                }
            }
        }
        throw new IllegalArgumentException(name + " holds [channels, height, width] with channels in "
                + java.util.Arrays.toString(allowed) + ", got shape " + data.shape());
    }

    @Override
    public void write(DataFile file, Path target) throws IOException {
        FloatNd data = file.data().toFloat();
        BufferedImage image = toImage(data, file.metadata());
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(imageIoName);
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no ImageIO writer for " + imageIoName);
        }
        ImageWriter writer = writers.next();
        try {
            ImageWriteParam param = writeParam(writer, file.metadata());
            AtomicFiles.write(target, out -> {
                // an in-memory cache: ImageIO's default stream may cache in a temporary file
                try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
                    writer.setOutput(ios);
                    writer.write(null, new IIOImage(image, null, null), param);
                }
            });
        } finally {
            writer.dispose();
        }
    }

    /** Whether {@code head} starts with {@code magic} (given as unsigned byte values). */
    protected static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
