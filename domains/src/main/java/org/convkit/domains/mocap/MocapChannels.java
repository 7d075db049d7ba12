package org.convkit.domains.mocap;

import java.util.ArrayList;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Metadata;
import org.convkit.api.nd.Shape;

/**
 * The motion-capture layout shared by the formats: data {@code [markers * 3, frames]}, rows
 * {@code LABEL.x, LABEL.y, LABEL.z} per marker, in marker order.
 */
final class MocapChannels {
    /** The axis suffixes, in row order. */
    static final List<String> AXES = List.of("x", "y", "z");

    private MocapChannels() {
    }

    /** The label of marker {@code index} (from 0) when the file names none: {@code M1}, {@code M2}... */
    static String defaultLabel(int index) {
        return "M" + (index + 1);
    }

    /**
     * The number of markers of a data file about to be written.
     *
     * @throws IllegalArgumentException when the data is not {@code [markers * 3, frames]}
     */
    static int markers(DataFile file, String format) {
        Shape s = file.data().shape();
        if (s.rank() != 2 || s.dim(0) % 3 != 0 || s.dim(0) == 0) {
            throw new IllegalArgumentException(format + " writes [markers * 3, frames] (x, y, z rows per marker), got "
                    + "shape " + s);
        }
        return s.dim(0) / 3;
    }

    /**
     * The marker labels of a data file: the part before {@code .x} (or {@code _x}) when its channels
     * come in x, y, z triples of one name, else {@link #defaultLabel}.
     */
    static List<String> labels(DataFile file, int markers) {
        List<Metadata.Channel> ch = file.metadata().channels();
        List<String> out = new ArrayList<>();
        for (int m = 0; m < markers; m++) {
            String label = null;
            if (ch.size() == 3 * markers) {
                String x = base(ch.get(3 * m).label(), "x");
                if (x != null && x.equals(base(ch.get(3 * m + 1).label(), "y"))
                        && x.equals(base(ch.get(3 * m + 2).label(), "z"))) {
                    label = x;
                }
            }
            out.add(label == null || label.isEmpty() ? defaultLabel(m) : label);
        }
        return out;
    }

    /** The unit of the first channel, empty when there is none. */
    static String unit(DataFile file) {
        List<Metadata.Channel> ch = file.metadata().channels();
        return ch.isEmpty() ? "" : ch.get(0).unit();
    }

    /** {@code name} without its axis suffix ({@code .x}, {@code _x}, any case), or null when it has none. */
    static String base(String name, String axis) {
        int n = name.length();
        if (n >= 2 && name.substring(n - 1).equalsIgnoreCase(axis)
                && (name.charAt(n - 2) == '.' || name.charAt(n - 2) == '_')) {
            return name.substring(0, n - 2);
        }
        return null;
    }
}
