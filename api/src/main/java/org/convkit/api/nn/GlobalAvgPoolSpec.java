package org.convkit.api.nn;

/** Averages every channel over all spatial positions: {@code [N, C, ...] -> [N, C]} (PyTorch's {@code AdaptiveAvgPoolNd(1)} then flatten). */
public record GlobalAvgPoolSpec() implements LayerSpec {
    @Override
    public String type() {
        return "globalavgpool";
    }
}
