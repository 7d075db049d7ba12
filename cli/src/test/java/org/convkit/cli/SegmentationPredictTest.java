package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.Npy;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.ModelFile;
import org.convkit.api.nn.ModelMetadata;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.SequentialSpec;
import org.convkit.api.signal.FilterChain;
import org.convkit.cli.training.ModelDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** predict with a segmentation model on a NIfTI volume: one label per voxel, written as a label map. */
class SegmentationPredictTest {
    private static final int N = 16;

    @TempDir
    Path dir;

    /**
     * A 1x1x1 convolution to two classes whose "lesion" logit is {@code 10 x - 5}: a voxel is a
     * lesion exactly when its windowed intensity is above 0.5. In the CT domain's default soft-tissue
     * window (40 / 400 HU), 200 HU maps to 0.9 and 0 HU to 0.4.
     */
    private Path thresholdModel() throws IOException {
        Model m = Model.build(SequentialSpec.of(new ConvLayerSpec(3, 1, 2, new int[] {1, 1, 1}, new int[] {1, 1, 1},
                Padding.valid(), new int[] {1, 1, 1}, 1, true)));
        float[] w = m.parameters().get("conv1.weight").value().data();
        float[] b = m.parameters().get("conv1.bias").value().data();
        w[0] = 0;
        w[1] = 10;
        b[0] = 0;
        b[1] = -5;
        Path file = dir.resolve("threshold.ckpt");
        ModelFile.save(file, m, new ModelMetadata(List.of("background", "lesion"), new int[] {1, N, N, N}, null,
                FilterChain.of(), ModelMetadata.Provenance.now("test", 0, ModelDomain.describe("ct", "hand-made"))));
        return file;
    }

    @Test
    void everyVoxelIsLabelledAndTheLabelMapIsWritten() throws IOException {
        float[] hu = new float[N * N * N];
        float[] expected = new float[N * N * N];
        int lesion = 0;
        for (int z = 0; z < N; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    int i = (z * N + y) * N + x;
                    boolean inside = (z - 8) * (z - 8) + (y - 6) * (y - 6) + (x - 9) * (x - 9) <= 9;
                    hu[i] = inside ? 200 : 0;
                    expected[i] = inside ? 1 : 0;
                    lesion += inside ? 1 : 0;
                }
            }
        }
        Path scan = dir.resolve("scan.nii.gz");
        Domains.write(new DataFile("nifti-gz", FloatNd.of(Shape.of(1, N, N, N), hu),
                Metadata.spatial(new double[] {1, 1, 1})), scan);

        Cli r = Cli.run("predict", "--model", thresholdModel().toString(), scan.toString(), "--label-maps",
                dir.resolve("labels").toString(), "--json");

        assertEquals(0, r.code(), r.err());
        JsonNode f = new ObjectMapper().readTree(r.out()).get("files").get(0);
        assertEquals((double) lesion / (N * N * N), f.get("fractions").get("lesion").asDouble(), 1e-12);
        FloatNd labels = Npy.read(Path.of(f.get("labelMap").asText())).toFloat();
        assertEquals(Shape.of(1, N, N, N), labels.shape());
        assertArrayEquals(expected, labels.toArray(), 0f);
    }

    @Test
    void aSegmentationModelWithoutLabelMapsIsBadInput() throws IOException {
        Path scan = dir.resolve("flat.nii");
        Domains.write(new DataFile("nifti", FloatNd.zeros(Shape.of(1, N, N, N)), Metadata.spatial(new double[] {1, 1, 1})),
                scan);
        Cli r = Cli.run("predict", "--model", thresholdModel().toString(), scan.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("--label-maps"), r.err());
    }
}
