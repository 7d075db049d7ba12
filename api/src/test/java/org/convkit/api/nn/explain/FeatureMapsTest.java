package org.convkit.api.nn.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.Model;
import org.junit.jupiter.api.Test;

class FeatureMapsTest {

    @Test
    void firstLayerFiltersAreTheFirstConvolutionsWeight() {
        Model m = Nets.conv(Shape.of(2, 6, 6), 3, 1);
        assertArrayEquals(m.parameters().get("conv.weight").value().toArray(),
                FeatureMaps.firstLayerFilters(m).toArray());
    }

    @Test
    void featureMapsAreTheLayersOutputWithoutTheBatchAxis() {
        Shape s = Shape.of(2, 6, 6);
        Model m = Nets.conv(s, 3, 1);
        FloatNd maps = FeatureMaps.of(new Scorer(m, null, 1, 4), "relu", Nets.random(s, 3));
        assertEquals(Shape.of(3, 4, 4), maps.shape());
        for (float v : maps.toArray()) {
            assertEquals(true, v >= 0);
        }
    }
}
