package org.convkit.api.nn.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convkit.api.io.Csv;
import org.convkit.api.io.Npy;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.Pass;
import org.convkit.api.nn.train.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesTest {

    @TempDir
    Path dir;

    private final Model model = Motifs.model(4, 1);
    private final Dataset data = Motifs.of(7, new int[] {0, 1, 2, 3}, 5);

    @Test
    void featuresAreTheLayerOutputFlattenedOneRowPerInput() {
        FloatNd f = Features.extract(model, "conv2", data, 3, 2);
        assertEquals(Shape.of(7, 8 * 16), f.shape());
        model.forward(data.features(), Pass.eval(1));
        assertArrayEquals(model.activation("conv2").toArray(), f.toArray());
    }

    @Test
    void aListOfInputsGivesTheSameFeaturesAsTheDataSet() {
        List<FloatNd> inputs = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            inputs.add(data.features().slice(i).copy());
        }
        assertArrayEquals(Features.extract(model, "gap", data, 4, 1).toArray(),
                Features.extract(model, "gap", inputs, 2, 1).toArray());
    }

    @Test
    void unknownLayerIsNamedWithTheLayers() {
        var e = assertThrows(IllegalArgumentException.class, () -> Features.extract(model, "nope", data, 4, 1));
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("gap"), e.getMessage());
    }

    @Test
    void featuresReadBackFromNpyAndCsv() throws IOException {
        FloatNd f = Features.extract(model, "gap", data, 4, 1);
        Features.write(dir.resolve("f.npy"), f);
        Features.write(dir.resolve("f.csv"), f);
        assertArrayEquals(f.toArray(), Npy.read(dir.resolve("f.npy")).toFloat().toArray());
        var csv = Csv.read(dir.resolve("f.csv"));
        assertEquals(Shape.of(7, 8), csv.shape());
        assertArrayEquals(f.toArray(), csv.toFloat().toArray());
    }
}
