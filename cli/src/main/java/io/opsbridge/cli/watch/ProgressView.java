package io.opsbridge.cli.watch;

import io.opsbridge.api.OperationInfo;
import java.util.Map;

/** How a watched operation is shown while it runs: a live bar, plain lines, or nothing (JSON output). */
public interface ProgressView extends AutoCloseable {

    /** The latest state of the operation, after every pull. */
    void update(OperationInfo op);

    /** A metric the watcher had not seen before (each is passed exactly once). */
    void metric(Map<String, Object> metric);

    /** The operation runs a new attempt (resumed from a checkpoint); called once per attempt seen. Shown as one line. */
    default void resumed(OperationInfo op) {
    }

    /** The line that says an operation resumed, e.g. {@code ↻ resumed from epoch 12 (attempt 2) after: interrupted: process restarted}. */
    static String resumedLine(OperationInfo op) {
        String why = op.attempts().current().previousEnded();
        return "↻ " + op.attempts().resumedNote() + (why == null ? "" : " after: " + why);
    }

    /** Ends the display (the bar's line is finished so later output starts on a new line). */
    @Override
    void close();
}
