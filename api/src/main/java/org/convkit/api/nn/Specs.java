package org.convkit.api.nn;

import java.util.Arrays;

/** Validation helpers shared by the spec records. */
final class Specs {
    private Specs() {
    }

    /** {@code values} checked to hold 1 or {@code rank} entries of at least {@code min}, expanded to {@code rank}. */
    static int[] perAxis(String what, int[] values, int rank, int min) {
        if (values.length != 1 && values.length != rank) {
            throw new IllegalArgumentException(what + " needs 1 or " + rank + " values, got " + Arrays.toString(values));
        }
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            out[i] = values.length == 1 ? values[0] : values[i];
            if (out[i] < min) {
                throw new IllegalArgumentException(what + " must be at least " + min + ", got " + Arrays.toString(values));
            }
        }
        return out;
    }

    static void checkRank(int rank) {
        if (rank < 1 || rank > 3) {
            throw new IllegalArgumentException("rank must be 1, 2 or 3, got " + rank);
        }
    }

    static void positive(String what, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(what + " must be positive, got " + v);
        }
    }

    /** Positive channel and group counts, the groups dividing both channel counts. */
    static void checkChannels(int inChannels, int outChannels, int groups) {
        positive("inChannels", inChannels);
        positive("outChannels", outChannels);
        positive("groups", groups);
        if (inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException("groups " + groups + " must divide inChannels " + inChannels
                    + " and outChannels " + outChannels);
        }
    }
}
