package org.convkit.api.nn;

import static org.convkit.api.nn.ConvChecks.random;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Im2colNdTest {

    @Test
    void aRangeOfRunsIsTheMatchingSliceOfTheWholeColumnMatrix() {
        ConvLayerGeometry g = ConvLayerGeometry.forConv(new int[] {4, 6, 5}, new int[] {2, 3, 2}, new int[] {1, 2, 1},
                new int[] {2, 1, 1}, Padding.of(1, 1, 0));
        Im2col t = Im2col.of(g);
        int c = 2;
        int rows = c * g.kernelSize();
        int len = g.outSize() / t.runs();
        float[] x = random(new SplittableRandom(6), c * g.inSize());
        float[] whole = new float[rows * g.outSize()];
        t.im2col(x, 0, c, whole, 0);
        int lo = 2;
        int hi = t.runs() - 1;
        int width = (hi - lo) * len;
        float[] part = new float[rows * width];
        t.im2col(x, 0, c, lo, hi, part, 0);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                assertEquals(whole[r * g.outSize() + lo * len + j], part[r * width + j], "row " + r + " col " + j);
            }
        }
    }

    @Test
    void col2imIsTheAdjointOfIm2col() {
        SplittableRandom rnd = new SplittableRandom(5);
        ConvLayerGeometry[] cases = {
            ConvLayerGeometry.forConv(new int[] {9}, new int[] {3}, new int[] {2}, new int[] {2}, Padding.of(3)),
            ConvLayerGeometry.forConv(new int[] {5, 7}, new int[] {2, 3}, new int[] {1, 3}, new int[] {2, 1}, Padding.same()),
            ConvLayerGeometry.forConv(new int[] {4, 3, 5}, new int[] {2, 1, 3}, new int[] {2, 1, 1}, new int[] {1, 1, 1},
                    Padding.of(1, 0, 2)),
        };
        for (ConvLayerGeometry g : cases) {
            Im2col t = Im2col.of(g);
            int c = 2;
            float[] x = random(rnd, c * g.inSize());
            float[] cols = random(rnd, c * g.kernelSize() * g.outSize());
            float[] ax = new float[cols.length];
            t.im2col(x, 0, c, ax, 0);
            float[] aty = new float[x.length];
            t.col2im(cols, 0, c, aty, 0);
            double left = 0;
            for (int i = 0; i < cols.length; i++) {
                left += (double) ax[i] * cols[i];
            }
            double right = 0;
            for (int i = 0; i < x.length; i++) {
                right += (double) x[i] * aty[i];
            }
            assertEquals(left, right, 1e-4 * (1 + Math.abs(left)), g.toString());
        }
    }
}
