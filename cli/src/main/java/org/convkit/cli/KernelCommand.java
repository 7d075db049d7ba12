package org.convkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convkit.api.conv.ConvContext;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domains;
import org.convkit.api.io.DataFileException;
import org.convkit.api.io.Npy;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.convkit.api.ndimage.Boundary;
import org.convkit.api.ndimage.Kernels;
import org.convkit.api.ndimage.NdImage;
import org.convkit.cli.plot.ImagePlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code convkit kernel}: one of the seed's named kernels over an image, shown before and after. */
@Command(name = "kernel", sortOptions = false, description = {
        "Filters an image with a named kernel and draws it before and after.",
        "",
        "Correlates an image with a named 2-d kernel (scipy.ndimage.correlate, mode",
        "'reflect') and draws the image and the result side by side. Colour images are",
        "turned grey first (the mean of their channels). Kernels: sobel-x, sobel-y,",
        "laplacian, gaussian, vertical-edge, horizontal-edge. OUT.npy holds the",
        "filtered values instead of a picture.",
        "",
        "Examples:",
        "  convkit kernel sobel-x photo.png -o edges.png",
        "  convkit kernel gaussian scan-slice.png -o blurred.png",
        "  convkit kernel laplacian photo.png -o laplacian.npy"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.BAD_INPUT_LINE})
final class KernelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "NAME", description = "The kernel's name.")
    String name;

    @Parameters(index = "1", paramLabel = "IMAGE", description = "The image (any format found).")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "OUT.png (before and after) or OUT.npy (the result).")
    Path output;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws IOException {
        String out = output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!out.endsWith(".png") && !out.endsWith(".npy")) {
            throw new BadInputException(output + ": unknown extension (use .png or .npy)");
        }
        if (!Kernels.NAMES.contains(name)) {
            throw new BadInputException("unknown kernel '" + name + "'; known kernels: " + String.join(", ", Kernels.NAMES));
        }
        DoubleNd image = grey(Domains.read(input), input);
        NdArray result = NdImage.correlate(image, Kernels.named(name), Boundary.REFLECT, 0,
                ConvContext.defaults().withThreads(threads.threads()));
        if (out.endsWith(".npy")) {
            Npy.write(output, result.toDouble());
        } else {
            ImagePlot.writeBeforeAfter(output, input.getFileName().toString(), rows(image), name, rows(result));
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println(input + " " + image.shape() + " -> " + name + " -> " + output);
        w.flush();
        return ExitCodes.OK;
    }

    /** {@code [H, W]}, or the mean over channels of {@code [C, H, W]}. */
    static DoubleNd grey(DataFile f, Path file) throws DataFileException {
        Shape s = f.data().shape();
        if (s.rank() == 2) {
            return f.data().toDouble();
        }
        if (s.rank() != 3) {
            throw new DataFileException(file, "holds " + f.format() + " data of shape " + s
                    + "; a kernel picture needs an image [height, width] or [channels, height, width]");
        }
        int c = s.dim(0);
        int hw = s.dim(1) * s.dim(2);
        double[] g = new double[hw];
        for (int k = 0; k < c; k++) {
            for (int i = 0; i < hw; i++) {
                g[i] += f.data().getDouble(k * hw + i) / c;
            }
        }
        return DoubleNd.of(Shape.of(s.dim(1), s.dim(2)), g);
    }

    static double[][] rows(NdArray a) {
        int h = a.shape().dim(0);
        int w = a.shape().dim(1);
        double[][] r = new double[h][w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                r[i][j] = a.getDouble(i * w + j);
            }
        }
        return r;
    }
}
