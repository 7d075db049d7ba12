package org.convkit.api.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.convkit.api.nd.DType;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;

/**
 * Numeric CSV files holding a 1-d or 2-d array, comma separated, one row per line.
 *
 * <p>Reading: a file with one value per line, or a single row, is 1-d; otherwise it is 2-d
 * (rows x columns) and every row must have the same number of values. A first line that is not
 * numeric is a header and is skipped; blank lines are skipped; spaces around values are ignored.
 * {@code nan}, {@code inf} and {@code -inf} (any case, as numpy.savetxt writes them) are accepted.
 * Errors name the file, the line and the offending value.
 *
 * <p>Writing: 1-d arrays one value per line, 2-d arrays one row per line, values in the shortest
 * form that reads back to the same float64 (or float32) value; the file is replaced atomically.
 */
public final class Csv {

    private Csv() {
    }

    /** Reads a 1-d or 2-d float64 array. */
    public static DoubleNd read(Path file) throws IOException {
        DoubleBuilder values = new DoubleBuilder();
        int rows = 0;
        int cols = -1;
        int colsLine = 0;
        int lineNo = 0;
        boolean firstContent = true;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (firstContent) {
                    firstContent = false;
                    if (Arrays.stream(cells).noneMatch(Csv::isNumeric)) {
                        continue; // a header line such as "time,value"
                    }
                }
                if (cols < 0) {
                    cols = cells.length;
                    colsLine = lineNo;
                } else if (cells.length != cols) {
                    throw new DataFileException(file, "line " + lineNo + " has " + cells.length + " values but line "
                            + colsLine + " has " + cols);
                }
                for (String c : cells) {
                    values.add(parse(c, file, lineNo), file);
                }
                rows++;
            }
        }
        if (rows == 0) {
            throw new DataFileException(file, "no numeric values");
        }
        double[] data = values.toArray();
        Shape shape = rows == 1 || cols == 1 ? Shape.of(data.length) : Shape.of(rows, cols);
        return DoubleNd.of(shape, data);
    }

    /** Writes a 1-d or 2-d array (a scalar as one value), replacing {@code file} atomically. */
    public static void write(Path file, NdArray a) throws IOException {
        Shape s = a.shape();
        if (s.rank() > 2) {
            throw new IllegalArgumentException("CSV holds 1-d or 2-d arrays, got shape " + s + " for " + file);
        }
        int cols = s.rank() == 2 ? s.dim(1) : 1;
        boolean f32 = a.dtype() == DType.FLOAT32;
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (int i = 0; i < s.size(); i++) {
                double v = a.getDouble(i);
                w.write(format(v, f32));
                w.write(cols > 1 && (i + 1) % cols != 0 ? "," : "\n");
            }
            w.flush();
        });
    }

    private static String format(double v, boolean f32) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return f32 ? Float.toString((float) v) : Double.toString(v);
    }

    private static boolean isNumeric(String cell) {
        try {
            parseNumber(cell.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double parse(String cell, Path file, int line) throws DataFileException {
        String t = cell.trim();
        try {
            return parseNumber(t);
        } catch (NumberFormatException e) {
            throw new DataFileException(file, "line " + line + ": '" + t + "' is not a number");
        }
    }

    private static double parseNumber(String t) {
        switch (t.toLowerCase(Locale.ROOT)) {
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                // Java also accepts "1d", "0x1p3" and trailing 'f'; CSV numbers are plain decimals
                if (t.isEmpty() || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    throw new NumberFormatException(t);
                }
                return Double.parseDouble(t);
            }
        }
    }

    /** A growable double array. */
    private static final class DoubleBuilder {
        private double[] a = new double[1024];
        private int n;

        void add(double v, Path file) throws DataFileException {
            if (n == a.length) {
                if (a.length > Npy.MAX_ELEMENTS / 2) {
                    throw new DataFileException(file, "more than " + a.length + " values, the most this reader holds");
                }
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
