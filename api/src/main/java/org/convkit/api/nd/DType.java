package org.convkit.api.nd;

/**
 * Element precision. The policy: {@link #FLOAT64} for signal work (numpy's default), {@link #FLOAT32}
 * for images, volumes and networks. Kernels are written once, in the precision their job needs;
 * other precisions are converted at the edge.
 */
public enum DType {
    FLOAT32,
    FLOAT64
}
