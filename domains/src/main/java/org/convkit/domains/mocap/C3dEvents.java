package org.convkit.domains.mocap;

import java.util.ArrayList;
import java.util.List;
import org.convkit.api.domain.Metadata;

/**
 * C3D events (the EVENT parameter group) as annotations: {@code EVENT:TIMES} holds (minutes,
 * seconds) pairs from the start of the trial, {@code EVENT:LABELS} and {@code EVENT:CONTEXTS} (such
 * as "Left", "Foot Strike") make the description "context label". C3D events are instants, so an
 * annotation's duration is not written and reads back as 0. The header's older event table is not
 * read.
 */
final class C3dEvents {
    private C3dEvents() {
    }

    /**
     * The events of {@code params}, onsets relative to the first frame.
     *
     * @param firstFrameTime the trial time of the first frame, {@code (first frame - 1) / rate}
     */
    static List<Metadata.Annotation> read(C3dParameters params, double firstFrameTime) {
        C3dParameters.Parameter times = params.get("EVENT", "TIMES");
        if (times == null || times.type() != 4) {
            return List.of();
        }
        int n = times.count() / 2;
        n = (int) Math.min(n, params.unsigned("EVENT", "USED", n));
        List<String> labels = params.strings("EVENT", "LABELS");
        List<String> contexts = params.strings("EVENT", "CONTEXTS");
        List<Metadata.Annotation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double t = 60 * times.number(2 * i) + times.number(2 * i + 1);
            String context = i < contexts.size() ? contexts.get(i) : "";
            String label = i < labels.size() ? labels.get(i) : "";
            out.add(new Metadata.Annotation(t - firstFrameTime, 0, (context + " " + label).strip()));
        }
        return out;
    }

    /**
     * Adds the EVENT group (id {@code group}) holding {@code events}, onsets as seconds from the first
     * frame (written as frame 1), descriptions as labels.
     *
     * @throws IllegalArgumentException beyond 255 events
     */
    static void write(C3dParameterBuilder b, int group, List<Metadata.Annotation> events) {
        if (events.isEmpty()) {
            return;
        }
        if (events.size() > 255) {
            throw new IllegalArgumentException("C3D holds at most 255 events here, got " + events.size());
        }
        float[] times = new float[2 * events.size()];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            double t = events.get(i).onset();
            double minutes = Math.floor(t / 60);
            times[2 * i] = (float) minutes;
            times[2 * i + 1] = (float) (t - 60 * minutes);
            labels.add(events.get(i).description());
        }
        b.group(group, "EVENT")
                .int16(group, "USED", new int[0], events.size())
                .float32(group, "TIMES", new int[] {2, events.size()}, times)
                .strings(group, "LABELS", labels);
    }
}
