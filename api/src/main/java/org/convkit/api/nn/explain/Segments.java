package org.convkit.api.nn.explain;

import java.util.Arrays;
import org.convkit.api.nd.Shape;

/**
 * A partition of an input {@code [C, spatial...]} into segments for Shapley values: a grid of blocks
 * of {@code size} positions along every spatial axis (time windows in 1-d, square patches in 2-d,
 * cubes in 3-d; the last block along an axis may be shorter), each block taking all channels. Segments
 * are numbered in row-major order of the grid.
 *
 * @param input the input shape {@code [C, spatial...]}, at least one spatial axis
 * @param size  the block edge in positions, at least 1
 */
public record Segments(Shape input, int size) {

    public Segments {
        if (input.rank() < 2) {
            throw new IllegalArgumentException("segments need an input [C, spatial...], got " + input);
        }
        if (size < 1) {
            throw new IllegalArgumentException("segment size must be at least 1, got " + size);
        }
    }

    /** The number of blocks along each spatial axis. */
    public int[] grid() {
        int[] g = Arrays.copyOfRange(input.dims(), 1, input.rank());
        for (int a = 0; a < g.length; a++) {
            g[a] = (g[a] + size - 1) / size;
        }
        return g;
    }

    /** The number of segments. */
    public int count() {
        return Shape.of(grid()).size();
    }

    /** The segment of every spatial position, in row-major order ({@code [prod spatial]}). */
    public int[] labels() {
        Shape spatial = input.dropFirst();
        int[] grid = grid();
        int[] out = new int[spatial.size()];
        int[] idx = new int[spatial.rank()];
        for (int p = 0; p < out.length; p++) {
            int label = 0;
            for (int a = 0; a < idx.length; a++) {
                label = label * grid[a] + idx[a] / size;
            }
            out[p] = label;
            for (int a = idx.length - 1; a >= 0; a--) {
                if (++idx[a] < spatial.dim(a)) {
                    break;
                }
                idx[a] = 0;
            }
        }
        return out;
    }
}
