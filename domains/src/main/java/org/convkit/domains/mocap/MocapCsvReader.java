package org.convkit.domains.mocap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.io.Npy;
import org.convkit.api.nd.DoubleNd;
import org.convkit.api.nd.Shape;

/** Decodes the {@link MocapCsvFormat} layout; errors name the file and the line. */
final class MocapCsvReader {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** How far a step between rows may stray from the median step, as a fraction of it. */
    private static final double SPACING_TOLERANCE = 0.1;
    /** How close to a whole number of hertz a derived rate is taken as that number, relatively. */
    private static final double WHOLE_RATE_TOLERANCE = 1e-4;

    private MocapCsvReader() {
    }

    static DataFile read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 8) {
            throw new DataFileException(file, "is " + size + " bytes, more than this reader holds");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isEmpty()) {
            throw new DataFileException(file, "is empty (expected a header 'time,<marker>.x,<marker>.y,<marker>.z,...')");
        }
        if (!text.endsWith("\n")) {
            throw new DataFileException(file, "does not end with a line break: the last line looks cut short");
        }
        String[] lines = text.split("\r?\n", -1);
        int headerLine = 0;
        while (headerLine < lines.length && lines[headerLine].isBlank()) {
            headerLine++;
        }
        String[] header = lines[headerLine].split(",", -1);
        List<String> labels = labels(file, header);
        int columns = header.length;
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split(",", -1);
            if (cells.length != columns) {
                throw new DataFileException(file, "line " + (i + 1) + " has " + cells.length + " values but the header has "
                        + columns);
            }
            if ((long) (rows.size() + 1) * (columns - 1) > Npy.MAX_ELEMENTS) {
                throw new DataFileException(file, "line " + (i + 1) + ": more values than this reader holds");
            }
            double[] row = new double[columns];
            for (int c = 0; c < columns; c++) {
                row[c] = parse(file, i + 1, cells[c], c == 0);
            }
            rows.add(row);
            lineNumbers.add(i + 1);
        }
        double rate = rate(file, rows, lineNumbers);
        int frames = rows.size();
        double[] out = new double[(columns - 1) * frames];
        for (int f = 0; f < frames; f++) {
            double[] row = rows.get(f);
            for (int c = 1; c < columns; c++) {
                out[(c - 1) * frames + f] = row[c];
            }
        }
        List<Metadata.Channel> channels = new ArrayList<>();
        for (String l : labels) {
            for (String axis : MocapChannels.AXES) {
                channels.add(new Metadata.Channel(l + "." + axis, "", rate, frames));
            }
        }
        Metadata meta = Metadata.recording(rate, channels)
                .withProperties(Map.of("mocap-csv.startTime", Double.toString(rows.get(0)[0])));
        return new DataFile(MocapCsvFormat.NAME, DoubleNd.of(Shape.of(columns - 1, frames), out), meta);
    }

    private static List<String> labels(Path file, String[] header) throws DataFileException {
        if (!header[0].strip().equalsIgnoreCase("time")) {
            throw new DataFileException(file, "header column 1 is '" + header[0].strip() + "', expected 'time'");
        }
        if (header.length < 4 || (header.length - 1) % 3 != 0) {
            throw new DataFileException(file, "header has " + (header.length - 1)
                    + " columns after 'time', expected x, y, z triples ('<marker>.x,<marker>.y,<marker>.z')");
        }
        List<String> labels = new ArrayList<>();
        for (int c = 1; c < header.length; c += 3) {
            String x = MocapChannels.base(header[c].strip(), "x");
            String y = MocapChannels.base(header[c + 1].strip(), "y");
            String z = MocapChannels.base(header[c + 2].strip(), "z");
            if (x == null || x.isEmpty() || !x.equals(y) || !x.equals(z)) {
                throw new DataFileException(file, "header columns " + (c + 1) + "-" + (c + 3) + " are '"
                        + header[c].strip() + "', '" + header[c + 1].strip() + "', '" + header[c + 2].strip()
                        + "', expected '<marker>.x', '<marker>.y', '<marker>.z'");
            }
            labels.add(x);
        }
        return labels;
    }

    private static double parse(Path file, int line, String cell, boolean time) throws DataFileException {
        String t = cell.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        double v;
        if (t.isEmpty() || lower.equals("nan") || lower.equals("-nan") || lower.equals("+nan")) {
            v = Double.NaN;
        } else if (lower.equals("inf") || lower.equals("+inf") || lower.equals("infinity")
                || lower.equals("+infinity")) {
            v = Double.POSITIVE_INFINITY;
        } else if (lower.equals("-inf") || lower.equals("-infinity")) {
            v = Double.NEGATIVE_INFINITY;
        } else if (NUMBER.matcher(t).matches()) {
            v = Double.parseDouble(t);
        } else {
            throw new DataFileException(file, "line " + line + ": '" + t + "' is not a number");
        }
        if (time && !Double.isFinite(v)) {
            throw new DataFileException(file, "line " + line + ": time '" + t + "' is not a finite number");
        }
        return v;
    }

    private static double rate(Path file, List<double[]> rows, List<Integer> lines) throws DataFileException {
        if (rows.size() < 2) {
            throw new DataFileException(file, "holds " + rows.size()
                    + " rows; the sample rate comes from the time column and needs at least 2");
        }
        double first = rows.get(0)[0];
        double last = rows.get(rows.size() - 1)[0];
        double rate = (rows.size() - 1) / (last - first);
        if (!(rate > 0 && Double.isFinite(rate))) {
            throw new DataFileException(file, "time runs from " + first + " to " + last + " s over " + rows.size()
                    + " rows: not increasing");
        }
        // the median step, not the mean: one skipped frame must be blamed on its own line
        double[] steps = new double[rows.size() - 1];
        for (int i = 1; i < rows.size(); i++) {
            steps[i - 1] = rows.get(i)[0] - rows.get(i - 1)[0];
        }
        double[] sorted = steps.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        for (int i = 1; i < rows.size(); i++) {
            double step = steps[i - 1];
            if (!(Math.abs(step / median - 1) <= SPACING_TOLERANCE)) {
                throw new DataFileException(file, "line " + lines.get(i) + ": time " + rows.get(i)[0] + " is " + step
                        + " s after the previous row, but rows are " + median + " s apart (the median step); "
                        + MocapCsvFormat.NAME + " needs evenly spaced rows");
            }
        }
        double whole = Math.rint(rate);
        return whole > 0 && Math.abs(rate - whole) <= WHOLE_RATE_TOLERANCE * rate ? whole : rate;
    }
}
