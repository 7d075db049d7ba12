package org.convkit.domains.mocap;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.io.AtomicFiles;
import org.convkit.api.nd.NdArray;

/**
 * Marker trajectories as CSV ({@code "mocap-csv"}): a header {@code time,<marker>.x,<marker>.y,
 * <marker>.z,...} (the reader also takes {@code <marker>_x} and upper-case axes), then one row per
 * frame: the time in seconds and x, y, z of each marker. An empty cell or {@code nan} is a missing
 * point (NaN).
 *
 * <p>The sample rate comes from the time column: {@code (rows - 1) / (last time - first time)},
 * taken as the nearest whole number of hertz when within 1e-4 of it (times are often printed with
 * few digits); every step between rows must be within 10% of the median step, else the error names
 * the line. The first time is kept in the property {@code mocap-csv.startTime}. CSV has no units:
 * channels read with an empty unit. The file must end with a line break, so that a cut file is not
 * taken for a shorter one.
 *
 * <p>Writing: the same header with {@code .x}, times {@code frame / rate} from 0, values in the
 * shortest form that reads back to the same double, NaN as {@code nan}.
 *
 * <p>Other CSV files are not claimed: {@link #recognises} wants the {@code .csv} name and a header
 * starting with {@code time,} and an x column.
 */
public final class MocapCsvFormat implements FileFormat {
    /** The format's name. */
    public static final String NAME = "mocap-csv";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of("csv");
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        if (!Domains.hasExtension(file, extensions())) {
            return false;
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int eol = text.indexOf('\n');
        String[] cells = (eol < 0 ? text : text.substring(0, eol)).split(",", -1);
        return cells.length >= 3 && cells[0].strip().equalsIgnoreCase("time")
                && MocapChannels.base(cells[1].strip(), "x") != null;
    }

    @Override
    public DataFile read(Path file) throws IOException {
        return MocapCsvReader.read(file);
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public void write(DataFile file, Path target) throws IOException {
        int markers = MocapChannels.markers(file, NAME);
        double rate = file.metadata().sampleRate();
        if (!(Double.isFinite(rate) && rate > 0)) {
            throw new IllegalArgumentException(NAME + " needs a positive sample rate for its time column, got " + rate);
        }
        List<String> labels = MocapChannels.labels(file, markers);
        for (String l : labels) {
            if (l.contains(",") || l.contains("\n") || l.contains("\r")) {
                throw new IllegalArgumentException(NAME + " marker labels cannot hold commas or line breaks: '" + l + "'");
            }
        }
        NdArray data = file.data();
        int frames = data.shape().dim(1);
        AtomicFiles.write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            StringBuilder line = new StringBuilder("time");
            for (String l : labels) {
                for (String axis : MocapChannels.AXES) {
                    line.append(',').append(l).append('.').append(axis);
                }
            }
            w.write(line.append('\n').toString());
            for (int f = 0; f < frames; f++) {
                line.setLength(0);
                line.append(f / rate);
                for (int r = 0; r < 3 * markers; r++) {
                    double v = data.getDouble(r * frames + f);
                    line.append(',').append(Double.isNaN(v) ? "nan" : Double.toString(v));
                }
                w.write(line.append('\n').toString());
            }
            w.flush();
        });
    }
}
