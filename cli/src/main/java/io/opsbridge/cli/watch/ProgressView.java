package io.opsbridge.cli.watch;

import io.opsbridge.api.OperationInfo;
import java.util.Map;

/** How a watched operation is shown while it runs: a live bar, plain lines, or nothing (JSON output). */
public interface ProgressView extends AutoCloseable {

    /** The latest state of the operation, after every pull. */
    void update(OperationInfo op);

    /** A metric the watcher had not seen before (each is passed exactly once). */
    void metric(Map<String, Object> metric);

    /** Ends the display (the bar's line is finished so later output starts on a new line). */
    @Override
    void close();
}
