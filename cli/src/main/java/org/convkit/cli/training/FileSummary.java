package org.convkit.cli.training;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Metadata;
import org.convkit.api.nd.NdArray;

/**
 * What {@code convkit info FILE} reports about a decoded file, with exactly these JSON fields:
 * {@code format, shape, sampleRate, channels, annotations, voxelSize, min, max, mean}; channels'
 * entries {@code label, sampleRate, unit, samples, min, max, mean} (statistics over the channel's
 * row of the data, for recordings whose first axis is the channels; for a channel the file holds
 * fewer samples of, brought to the data's rate by a reader that keeps its samples at their grid
 * positions (EDF/BDF), over every k-th value of the row when the row is k times longer, i.e. over
 * the file's own samples, as other tools report them); annotations'
 * {@code onset, duration, description} in seconds. Absent numbers are {@code null}.
 */
public final class FileSummary {
    private FileSummary() {
    }

    /** min, max and mean of {@code count} values from {@code from}. */
    record Stats(double min, double max, double mean) {
        static Stats of(NdArray a, int from, int count) {
            return of(a, from, count, 1);
        }

        /** min, max and mean of {@code count} values from {@code from}, {@code step} apart. */
        static Stats of(NdArray a, int from, int count, int step) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int k = 0; k < count; k++) {
                double v = a.getDouble(from + k * step);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                sum += v;
            }
            return count == 0 ? new Stats(Double.NaN, Double.NaN, Double.NaN) : new Stats(lo, hi, sum / count);
        }
    }

    /**
     * 1, or k for a channel recorded at a lower rate than the data's whose row is k times longer than
     * the samples the file holds: its own samples are every k-th value of the row (EDF/BDF readers
     * interpolate between them), and those are what other tools' statistics are over.
     */
    private static int ownSampleStep(Metadata.Channel k, double dataRate, int per) {
        long own = k.samples();
        boolean slower = k.sampleRate() > 0 && dataRate > k.sampleRate();
        return slower && own > 0 && own < per && per % own == 0 ? (int) (per / own) : 1;
    }

    /** The summary of {@code file}. */
    public static ObjectNode of(DataFile file) {
        NdArray data = file.data();
        Metadata m = file.metadata();
        ObjectNode o = Json.object();
        o.put("format", file.format());
        ArrayNode shape = o.putArray("shape");
        for (int a = 0; a < data.shape().rank(); a++) {
            shape.add(data.shape().dim(a));
        }
        Json.put(o, "sampleRate", m.sampleRate());
        ArrayNode channels = o.putArray("channels");
        List<Metadata.Channel> ch = m.channels();
        boolean rows = data.shape().rank() >= 1 && !ch.isEmpty() && data.shape().dim(0) == ch.size();
        int per = rows ? data.shape().size() / ch.size() : 0;
        for (int c = 0; c < ch.size(); c++) {
            Metadata.Channel k = ch.get(c);
            ObjectNode e = channels.addObject();
            e.put("label", k.label());
            Json.put(e, "sampleRate", k.sampleRate());
            e.put("unit", k.unit());
            e.put("samples", k.samples());
            int step = rows ? ownSampleStep(k, m.sampleRate(), per) : 1;
            Stats s = rows ? Stats.of(data, c * per, per / step, step)
                    : new Stats(Double.NaN, Double.NaN, Double.NaN);
            Json.put(e, "min", s.min());
            Json.put(e, "max", s.max());
            Json.put(e, "mean", s.mean());
        }
        ArrayNode annotations = o.putArray("annotations");
        for (Metadata.Annotation a : m.annotations()) {
            ObjectNode e = annotations.addObject();
            e.put("onset", a.onset());
            e.put("duration", a.duration());
            e.put("description", a.description());
        }
        double[] voxel = m.voxelSize();
        if (voxel == null) {
            o.putNull("voxelSize");
        } else {
            ArrayNode v = o.putArray("voxelSize");
            for (double x : voxel) {
                v.add(x);
            }
        }
        Stats all = Stats.of(data, 0, data.shape().size());
        Json.put(o, "min", all.min());
        Json.put(o, "max", all.max());
        Json.put(o, "mean", all.mean());
        return o;
    }
}
