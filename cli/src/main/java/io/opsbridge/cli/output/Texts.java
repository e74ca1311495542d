package io.opsbridge.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.cli.client.OpsBridgeClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.AbstractMap.SimpleEntry;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Small formatting helpers shared by the tables, the progress views and the summaries. */
public final class Texts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Texts() {
    }

    /** {@code 2026-11-24 09:41:08} in local time, or {@code -}. */
    public static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    /** How long the operation ran (or has been running): {@code 1m 05s}, {@code 12.3s}, or {@code -}. */
    public static String duration(OperationInfo op) {
        Instant start = op.startedAt() != null ? op.startedAt() : op.createdAt();
        if (start == null) {
            return "-";
        }
        Instant end = op.completedAt() != null ? op.completedAt() : Instant.now();
        return duration(Duration.between(start, end));
    }

    public static String duration(Duration d) {
        long millis = Math.max(0, d.toMillis());
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = millis / 1000;
        return seconds < 3600 ? String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60)
                : String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, (seconds % 3600) / 60);
    }

    /** {@code 42.0%}. */
    public static String percent(double percentage) {
        return String.format(Locale.ROOT, "%.1f%%", percentage);
    }

    /** A value as a person reads it: numbers with at most 4 decimals, lists and objects as compact JSON. */
    public static String value(Object value) {
        if (value instanceof Map || value instanceof Collection) {
            return json(value);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d)
                    : String.format(Locale.ROOT, "%.4f", d);
        }
        return String.valueOf(value);
    }

    /**
     * One metric on one line. Training epochs read
     * {@code epoch 3: train_loss=0.6931 train_acc=0.512 val_loss=0.6925 val_acc=0.520 (126 ms)};
     * any other metric is printed as {@code key=value} pairs.
     */
    public static String metric(Map<String, Object> m) {
        if (m.containsKey("epoch") && m.containsKey("train_loss")) {
            return String.format(Locale.ROOT, "epoch %s: train_loss=%.4f train_acc=%.3f val_loss=%.4f val_acc=%.3f (%s ms)",
                    m.get("epoch"), number(m, "train_loss"), number(m, "train_accuracy"), number(m, "val_loss"),
                    number(m, "val_accuracy"), value(m.getOrDefault("duration_ms", "-")));
        }
        StringJoiner line = new StringJoiner(" ");
        m.forEach((k, v) -> {
            if (!"timestamp".equals(k)) {
                line.add(k + "=" + value(v));
            }
        });
        return line.toString();
    }

    /** A log line as {@code 10:00:01.123 warn  only 12 bars for AAPL} (the time in UTC). */
    public static String logLine(io.opsbridge.api.LogLine line) {
        String time = line.at() == null ? "--:--:--.---" : LOG_TIME.format(line.at());
        return String.format(Locale.ROOT, "%s %-5s %s", time, line.level(), line.message());
    }

    private static final java.time.format.DateTimeFormatter LOG_TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    private static double number(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Any value as compact JSON (never Java's {@code {key=value}}). */
    public static String json(Object value) {
        try {
            return OpsBridgeClient.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /** {@code s} cut to {@code max} characters, with an ellipsis when cut; {@code -} for null. */
    public static String cut(String s, int max) {
        if (s == null || s.isEmpty()) {
            return "-";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /**
     * A result entry as people should read it (JSON output keeps the API's names): a training's
     * {@code registry_version} is the model's version ({@code model=mlp_direction/v3}), its
     * {@code model_version} the artifact's id, and {@code model_path} a path on the server, not here.
     */
    public static Map.Entry<String, Object> resultEntry(Map<String, Object> result, Map.Entry<String, Object> e) {
        return switch (e.getKey()) {
            case "registry_version" -> new SimpleEntry<>("model", result.getOrDefault("strategy", "?") + "/" + e.getValue());
            case "model_version" -> new SimpleEntry<>("artifact", e.getValue());
            case "model_path" -> new SimpleEntry<>("artifact_path_on_server", e.getValue());
            default -> e;
        };
    }
}
