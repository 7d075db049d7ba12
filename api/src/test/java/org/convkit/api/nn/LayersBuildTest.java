package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;

class LayersBuildTest {

    @Test
    void eachNonConvolutionSpecBuildsItsLayerWithThatSpec() {
        LayerSpec[] specs = {PoolLayerSpec.max(2, 2), PoolLayerSpec.avg(1, 3), new GlobalAvgPoolSpec(), ReluSpec.relu(),
            new LinearSpec(4, 2, true), new FlattenSpec(), new DropoutSpec(0.5), BatchNormSpec.of(3)};
        Class<?>[] layers = {PoolLayer.class, PoolLayer.class, GlobalAvgPoolLayer.class, ReluLayer.class,
            LinearLayer.class, FlattenLayer.class, DropoutLayer.class, BatchNormLayer.class};
        for (int i = 0; i < specs.length; i++) {
            Layer l = Layers.build(specs[i]);
            assertInstanceOf(layers[i], l);
            assertEquals(specs[i], l.spec());
        }
    }

    @Test
    void aSequentialOfTheseLayersPropagatesShapes() {
        SequentialSpec spec = new SequentialSpec(List.of(
                new NamedLayer("pool", PoolLayerSpec.max(2, 2)),
                new NamedLayer("bn", BatchNormSpec.of(3)),
                new NamedLayer("relu", ReluSpec.relu()),
                new NamedLayer("flat", new FlattenSpec()),
                new NamedLayer("drop", new DropoutSpec(0.1)),
                new NamedLayer("fc", new LinearSpec(12, 5, true))));
        assertEquals(Shape.of(7, 5), new Sequential(spec).outputShape(Shape.of(7, 3, 4, 5)));
    }
}
