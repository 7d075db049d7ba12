package org.convkit.api.conv;

import org.convkit.api.nd.Shape;

/**
 * Walks the taps of one output element of a {@link ConvGeometry}: every (input index, kernel index)
 * pair whose product enters the sum, skipping the zero padding. Shared by the reference
 * convolution and the sparse-matrix view so both read the geometry the same way.
 */
final class ConvTaps {

    /** Receives one tap: flat indices into the input and into the kernel as given (not flipped). */
    @FunctionalInterface
    interface Visitor {
        void tap(int xFlat, int kFlat);
    }

    private final ConvGeometry g;
    private final int[] base;

    ConvTaps(ConvGeometry g) {
        this.g = g;
        this.base = new int[g.rank()];
    }

    /** Visits the taps of output element {@code outFlat} (row-major in {@code g.output()}). */
    void visit(int outFlat, Visitor v) {
        Shape out = g.output();
        int rem = outFlat;
        for (int a = g.rank() - 1; a >= 0; a--) {
            base[a] = (rem % out.dim(a)) * g.stride(a) - g.padLeft(a);
            rem /= out.dim(a);
        }
        walk(0, 0, 0, v);
    }

    private void walk(int axis, int xOff, int kOff, Visitor v) {
        Shape xs = g.input();
        Shape ks = g.kernel();
        int kn = ks.dim(axis);
        for (int j = 0; j < kn; j++) {
            int xi = base[axis] + j * g.dilation(axis);
            if (xi < 0 || xi >= xs.dim(axis)) {
                continue;
            }
            int kj = g.flip() ? kn - 1 - j : j;
            int xo = xOff + xi * xs.stride(axis);
            int ko = kOff + kj * ks.stride(axis);
            if (axis == g.rank() - 1) {
                v.tap(xo, ko);
            } else {
                walk(axis + 1, xo, ko, v);
            }
        }
    }
}
