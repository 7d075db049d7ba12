package org.convkit.domains.eeg;

import java.util.ArrayList;
import java.util.List;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.GlobalAvgPoolSpec;
import org.convkit.api.nn.LayerSpec;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.PoolLayerSpec;
import org.convkit.api.nn.ReluSpec;
import org.convkit.api.nn.SequentialSpec;

/**
 * The eeg domain's default network, a compact 1-d CNN over {@code [channels, samples]} windows:
 * conv k7 (channels to 16) ReLU max-pool 4, conv k5 (16 to 32) ReLU max-pool 4, conv k3 (32 to 32)
 * ReLU, global average pool, linear to the classes. Convolutions keep their length ('same'
 * padding); a pool is left out when the window is too short for it. The first kernel spans 55 ms
 * at 128 Hz, enough to tell rhythms apart by their period; the global pool makes the score
 * independent of where in the window a burst lies.
 */
final class EegNetwork {

    private EegNetwork() {
    }

    static SequentialSpec of(Shape sampleShape, int classes) {
        if (sampleShape.rank() != 2) {
            throw new IllegalArgumentException("eeg samples are [channels, samples], got shape " + sampleShape);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
        int length = sampleShape.dim(1);
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(ConvLayerSpec.of(1, sampleShape.dim(0), 16, 7, Padding.same()));
        layers.add(ReluSpec.relu());
        if (length >= 8) {
            layers.add(PoolLayerSpec.max(1, 4));
            length /= 4;
        }
        layers.add(ConvLayerSpec.of(1, 16, 32, 5, Padding.same()));
        layers.add(ReluSpec.relu());
        if (length >= 8) {
            layers.add(PoolLayerSpec.max(1, 4));
        }
        layers.add(ConvLayerSpec.of(1, 32, 32, 3, Padding.same()));
        layers.add(ReluSpec.relu());
        layers.add(new GlobalAvgPoolSpec());
        layers.add(new LinearSpec(32, classes, true));
        return SequentialSpec.of(layers.toArray(new LayerSpec[0]));
    }
}
