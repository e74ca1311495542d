package io.opsbridge.cli.watch;

import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.cli.client.OpsBridgeClient;
import io.opsbridge.cli.client.Polled;
import java.time.Duration;
import java.util.Map;

/**
 * Follows one operation by pulling until it ends: the operation (honouring {@code Retry-After}, and
 * long-poll where the server offers it), then the metrics after the cursor, only when
 * {@code metrics_count} says there are new ones. Every metric reaches the view exactly once.
 */
public class OperationWatcher {

    static final Duration MIN_INTERVAL = Duration.ofMillis(200);
    static final Duration MAX_INTERVAL = Duration.ofSeconds(10);

    private final OpsBridgeClient client;
    private final ProgressView view;
    private int cursor;
    /** The attempts seen so far: a higher count is a resume, said once. */
    private int attempts = 1;

    public OperationWatcher(OpsBridgeClient client, ProgressView view) {
        this.client = client;
        this.view = view;
    }

    /** Watches until the operation is completed, failed or cancelled; returns its final state. */
    public OperationInfo watch(String operationId) throws InterruptedException {
        long version = -1;
        while (true) {
            Polled<OperationInfo> polled = client.operation(operationId, version);
            OperationInfo op = polled.value();
            drainMetrics(operationId, op.metricsCount());
            if (op.attempts().count() > attempts) {
                attempts = op.attempts().count();
                view.resumed(op);
            }
            view.update(op);
            if (op.status().isTerminal()) {
                return op;
            }
            version = op.version();
            Thread.sleep(clamp(polled.retryAfter()).toMillis());
        }
    }

    /** Reads metrics until the cursor reaches {@code known} (the count the last state reported). */
    private void drainMetrics(String operationId, int known) {
        while (cursor < known) {
            MetricsResponse page = client.metrics(operationId, cursor);
            for (Map<String, Object> metric : page.metrics()) {
                view.metric(metric);
            }
            if (page.newCursor() <= cursor) {
                return; // nothing newer yet; the count may run ahead of the readable list for a moment
            }
            cursor = page.newCursor();
        }
    }

    static Duration clamp(Duration retryAfter) {
        if (retryAfter.compareTo(MIN_INTERVAL) < 0) {
            return MIN_INTERVAL;
        }
        return retryAfter.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : retryAfter;
    }
}
