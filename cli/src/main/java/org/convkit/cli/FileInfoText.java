package org.convkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;

/** The text form of {@code convkit info FILE}: the JSON summary's fields, aligned, for people. */
final class FileInfoText {
    private FileInfoText() {
    }

    static String of(Path file, JsonNode s) {
        StringBuilder b = new StringBuilder();
        line(b, "file", file.toString());
        line(b, "format", s.get("format").asText());
        line(b, "shape", s.get("shape").toString());
        line(b, "sample rate", s.get("sampleRate").isNull() ? "-" : num(s.get("sampleRate")) + " Hz");
        line(b, "voxel size", s.get("voxelSize").isNull() ? "-" : s.get("voxelSize").toString());
        line(b, "values", "min " + num(s.get("min")) + ", max " + num(s.get("max")) + ", mean " + num(s.get("mean")));
        JsonNode ch = s.get("channels");
        line(b, "channels", Integer.toString(ch.size()));
        if (ch.size() > 0) {
            b.append(String.format(Locale.ROOT, "  %-16s %10s %-6s %10s %12s %12s %12s%n", "label", "rate (Hz)", "unit",
                    "samples", "min", "max", "mean"));
            for (JsonNode c : ch) {
                b.append(String.format(Locale.ROOT, "  %-16s %10s %-6s %10d %12s %12s %12s%n", c.get("label").asText(),
                        num(c.get("sampleRate")), c.get("unit").asText(), c.get("samples").asLong(), num(c.get("min")),
                        num(c.get("max")), num(c.get("mean"))));
            }
        }
        JsonNode an = s.get("annotations");
        line(b, "annotations", Integer.toString(an.size()));
        for (JsonNode a : an) {
            b.append(String.format(Locale.ROOT, "  %10.3f s  %8.3f s  %s%n", a.get("onset").asDouble(),
                    a.get("duration").asDouble(), a.get("description").asText()));
        }
        return b.toString().stripTrailing();
    }

    private static void line(StringBuilder b, String name, String value) {
        b.append(String.format(Locale.ROOT, "%-12s %s%n", name, value));
    }

    /** Six significant digits without trailing zeros: 128, 0.5, 1.23457e+08. */
    static String num(JsonNode n) {
        if (n == null || n.isNull()) {
            return "-";
        }
        double v = n.asDouble();
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e9 || a < 1e-4)) {
            return String.format(Locale.ROOT, "%.6g", v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
