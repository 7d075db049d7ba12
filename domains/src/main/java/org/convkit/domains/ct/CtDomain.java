package org.convkit.domains.ct;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domain;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.BatchNormSpec;
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
import org.convkit.domains.nifti.NiftiFormat;
import org.convkit.domains.nifti.NiftiGzFormat;

/**
 * The {@code ct} domain: rank 3, one channel. Reads NIfTI volumes in HU ({@code .nii.gz} first, the
 * default writer, then {@code .nii}); no filter chain (a volume is not a time series); samples are
 * made by a {@link CtSampling} (by default the soft-tissue window and the whole volume resized to
 * {@code [1, 16, 16, 16]}). Synthetic data: {@link CtPhantom} volumes, {@code normal} and
 * {@code lesion}.
 */
public final class CtDomain implements Domain {

    private static final List<String> CLASSES = List.of("normal", "lesion");

    private final CtSampling sampling;
    private final CtPhantom phantom;

    /** The default domain, as ServiceLoader makes it. */
    public CtDomain() {
        this(CtSampling.DEFAULT, CtPhantom.DEFAULT);
    }

    /** A domain with its own sampling and phantoms. */
    public CtDomain(CtSampling sampling, CtPhantom phantom) {
        if (sampling == null || phantom == null) {
            throw new IllegalArgumentException("sampling and phantom are required");
        }
        this.sampling = sampling;
        this.phantom = phantom;
    }

    /** How this domain makes samples. */
    public CtSampling sampling() {
        return sampling;
    }

    @Override
    public String name() {
        return "ct";
    }

    @Override
    public String description() {
        return "CT volumes in HU (NIfTI-1/2 .nii, .nii.gz), windowed " + sampling.window().centre() + "/"
                + sampling.window().width() + " and " + (sampling.resize() != null ? "resized to " : "cut into ")
                + sampling.sampleShape().dropFirst() + (sampling.resize() != null ? "" : " patches");
    }

    @Override
    public int rank() {
        return 3;
    }

    @Override
    public boolean multiChannel() {
        return false;
    }

    @Override
    public List<FileFormat> formats() {
        return List.of(new NiftiGzFormat(), new NiftiFormat());
    }

    @Override
    public FilterChain preprocessing(Metadata metadata) {
        return FilterChain.of();
    }

    /**
     * {@inheritDoc} The volume {@code [1, z, y, x]} (or {@code [z, y, x]}) in HU through
     * {@link CtSampling#samples}, with the metadata's voxel size.
     *
     * @throws DataFileException when the data is not a single-channel volume (a 4-d NIfTI series
     *                           with more than one time point), or when the sampling resamples to a
     *                           voxel size and the file's is unknown
     */
    @Override
    public FloatNd samples(DataFile file) throws IOException {
        Shape s = file.data().shape();
        boolean single = s.rank() == 3 || (s.rank() == 4 && s.dim(0) == 1);
        if (!single) {
            throw new DataFileException(Path.of("(" + file.format() + " data)"), "has shape " + s
                    + "; CT needs one volume [1, z, y, x] (a 4-d series has " + (s.rank() == 4 ? s.dim(0) : "?")
                    + " volumes on the first axis)");
        }
        FloatNd volume = file.data().toFloat();
        int off = s.rank() - 3;
        double[] voxel = file.metadata().voxelSize();
        if (sampling.voxelMm() != null && (voxel == null || voxel.length != 3
                || !(voxel[0] > 0 && voxel[1] > 0 && voxel[2] > 0))) {
            throw new DataFileException(Path.of("(" + file.format() + " data)"), "voxel size is "
                    + Arrays.toString(voxel) + ", but resampling to " + Arrays.toString(sampling.voxelMm())
                    + " mm needs 3 positive values (z, y, x)");
        }
        return sampling.samples(volume.reshape(Shape.of(s.dim(off), s.dim(off + 1), s.dim(off + 2))), voxel);
    }

    @Override
    public Shape sampleShape() {
        return sampling.sampleShape();
    }

    /**
     * Three 3x3x3 convolutions (4, 8, 8 channels, zero-padded), each with batch norm and ReLU, the
     * first two followed by 2x2x2 max pooling while every axis is still at least 2 long, then a max
     * pool over all that remains (a global max: a lesion is a local finding, which an average over
     * the whole volume would dilute), flatten and a linear layer: about 3k parameters. Small on
     * purpose: on 200 phantoms wider layers memorised the training set and generalised worse.
     */
    @Override
    public ModelSpec defaultNetwork(Shape sampleShape, int classes) {
        if (sampleShape.rank() != 4) {
            throw new IllegalArgumentException("CT samples are [C, z, y, x], got " + sampleShape);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2, got " + classes);
        }
        int[] dims = {sampleShape.dim(1), sampleShape.dim(2), sampleShape.dim(3)};
        List<LayerSpec> layers = new ArrayList<>();
        int[] widths = {4, 8, 8};
        int in = sampleShape.dim(0);
        for (int i = 0; i < widths.length; i++) {
            layers.add(ConvLayerSpec.of(3, in, widths[i], 3, Padding.of(1)));
            layers.add(BatchNormSpec.of(widths[i]));
            layers.add(ReluSpec.relu());
            if (i < 2 && Math.min(dims[0], Math.min(dims[1], dims[2])) >= 2) {
                layers.add(PoolLayerSpec.max(3, 2));
                for (int a = 0; a < 3; a++) {
                    dims[a] /= 2;
                }
            }
            in = widths[i];
        }
        layers.add(new PoolLayerSpec(PoolLayerSpec.Kind.MAX, 3, dims, dims));
        layers.add(new FlattenSpec());
        layers.add(new LinearSpec(in, classes, true));
        return SequentialSpec.of(layers.toArray(new LayerSpec[0]));
    }

    @Override
    public List<String> syntheticClasses() {
        return CLASSES;
    }

    @Override
    public DataFile syntheticFile(int label, long seed) {
        if (label < 0 || label >= CLASSES.size()) {
            throw new IllegalArgumentException("label must be 0 (normal) or 1 (lesion), got " + label);
        }
        return phantom.file(label == 1, seed);
    }
}
