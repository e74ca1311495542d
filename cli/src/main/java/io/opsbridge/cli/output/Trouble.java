package io.opsbridge.cli.output;

import io.opsbridge.api.OperationInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a running operation's {@code progress.context} says is wrong with it, in words: its host has
 * not answered ({@code host_reachable=false}, since when, the last error) or it made no progress for
 * its stall limit ({@code stalled=true}). Without this a dead host's training just looks "running".
 */
public final class Trouble {

    private Trouble() {
    }

    /** E.g. {@code host unreachable since 21:40:01 (connection refused); stalled}; empty if nothing is wrong. */
    public static String of(OperationInfo op) {
        return describe(op, true);
    }

    /** The short form for a progress bar's line: {@code host unreachable since 21:40:01; stalled}. */
    public static String brief(OperationInfo op) {
        return describe(op, false);
    }

    private static String describe(OperationInfo op, boolean full) {
        Map<String, Object> context = op.progress() == null ? null : op.progress().context();
        if (context == null || op.status().isTerminal()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (Boolean.FALSE.equals(context.get("host_reachable"))) {
            Object since = context.get("unreachable_since");
            Object error = context.get("last_host_error");
            parts.add("host unreachable" + (since == null ? "" : " since " + since(since))
                    + (error == null || !full ? "" : " (" + error + ")"));
        }
        if (Boolean.TRUE.equals(context.get("stalled"))) {
            parts.add(full ? "stalled (no progress within its stall limit)" : "stalled");
        }
        return String.join("; ", parts);
    }

    private static String since(Object value) {
        try {
            return Texts.time(Instant.parse(String.valueOf(value)));
        } catch (DateTimeParseException e) {
            return String.valueOf(value);
        }
    }
}
