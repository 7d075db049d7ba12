package org.convkit.cli;

import java.util.Arrays;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;
import org.convkit.api.ndimage.Kernels;

/**
 * Parses {@code --kernel}: a literal list, {@code 1,2,1} (1-d) or rows separated by ';',
 * {@code 1,2,1;0,0,0;-1,-2,-1} (2-d), or the name of a kernel ({@link Kernels#named}).
 */
final class KernelArgument {

    private KernelArgument() {
    }

    static NdArray parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new BadInputException("--kernel is empty");
        }
        char c = t.charAt(0);
        boolean literal = Character.isDigit(c) || c == '-' || c == '+' || c == '.';
        if (literal) {
            return literal(t);
        }
        if (!Kernels.NAMES.contains(t)) {
            throw new BadInputException("--kernel '" + t + "' is not a list of numbers nor a known kernel name (known: "
                    + String.join(", ", Kernels.NAMES) + ")");
        }
        return Kernels.named(t);
    }

    private static DoubleNd literal(String t) {
        String[] rows = t.split(";", -1);
        double[][] values = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            String[] cells = rows[r].split(",", -1);
            values[r] = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                values[r][i] = number(cells[i].trim());
            }
            if (values[r].length != values[0].length) {
                throw new BadInputException("--kernel row " + (r + 1) + " has " + values[r].length
                        + " values but row 1 has " + values[0].length);
            }
        }
        double[] flat = Arrays.stream(values).flatMapToDouble(Arrays::stream).toArray();
        return DoubleNd.of(rows.length == 1 ? Shape.of(flat.length) : Shape.of(rows.length, values[0].length), flat);
    }

    private static double number(String s) {
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new BadInputException("--kernel value '" + s + "' is not a number");
        }
        return Double.parseDouble(s);
    }
}
