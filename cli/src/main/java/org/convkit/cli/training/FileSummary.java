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
 * row of the data, for recordings whose first axis is the channels); annotations'
 * {@code onset, duration, description} in seconds. Absent numbers are {@code null}.
 */
public final class FileSummary {
    private FileSummary() {
    }

    /** min, max and mean of {@code count} values from {@code from}. */
    record Stats(double min, double max, double mean) {
        static Stats of(NdArray a, int from, int count) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int i = from; i < from + count; i++) {
                double v = a.getDouble(i);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                sum += v;
            }
            return count == 0 ? new Stats(Double.NaN, Double.NaN, Double.NaN) : new Stats(lo, hi, sum / count);
        }
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
            Stats s = rows ? Stats.of(data, c * per, per) : new Stats(Double.NaN, Double.NaN, Double.NaN);
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
