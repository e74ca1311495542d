package io.opsbridge.cli;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import java.util.Collection;
import java.util.List;

/** What {@code opsbridge} exits with, so scripts can tell outcomes apart. */
public final class ExitCodes {

    /** The command worked; a watched operation completed. */
    public static final int OK = 0;
    /** A watched operation failed. */
    public static final int FAILED = 1;
    /** Bad command line (picocli's own code). */
    public static final int USAGE = 2;
    /** A watched operation was cancelled. */
    public static final int CANCELLED = 3;
    /** The server refused the request (its problem+json was printed as one line). */
    public static final int SERVER_ERROR = 4;
    /** Nobody answered at the URL. */
    public static final int UNREACHABLE = 5;
    /** A watched operation completed, but its result lists warnings (e.g. a symbol that did not load). */
    public static final int COMPLETED_WITH_WARNINGS = 6;
    /** {@code ops wait} gave up: the operation was not there within {@code --timeout}. */
    public static final int TIMED_OUT = 7;
    /** Watching was interrupted (Ctrl-C); the operation itself goes on. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    /** The exit code for how a watched operation ended: its status, and for a completion its warnings. */
    public static int of(OperationInfo op) {
        return op.status() == OperationStatus.COMPLETED && !warnings(op).isEmpty() ? COMPLETED_WITH_WARNINGS
                : of(op.status());
    }

    /** The result's {@code warnings} list as text; empty if it has none. */
    public static List<String> warnings(OperationInfo op) {
        Object list = op.resultSummary() == null ? null : op.resultSummary().get("warnings");
        return list instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of();
    }

    /** The exit code for an operation that ended in {@code status}. */
    public static int of(OperationStatus status) {
        return switch (status) {
            case COMPLETED -> OK;
            case CANCELLED -> CANCELLED;
            case FAILED -> FAILED;
            case PENDING, RUNNING -> OK;
        };
    }
}
