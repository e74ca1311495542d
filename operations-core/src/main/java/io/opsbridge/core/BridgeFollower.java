package io.opsbridge.core;

import io.opsbridge.core.api.OperationInfo;
import io.opsbridge.core.api.OperationProgress;
import io.opsbridge.core.bridge.MetricsPage;
import io.opsbridge.core.bridge.ProgressBridge;
import io.opsbridge.core.bridge.ProgressSnapshot;
import io.opsbridge.core.store.OperationStore;
import java.time.Clock;
import java.util.Optional;

/**
 * Copies what a local bridge has into the store: the latest state and the metrics after its own
 * cursor. Pulls are serialized so two readers can never copy the same metric twice.
 */
final class BridgeFollower {

    private final String operationId;
    private final ProgressBridge bridge;
    private int metricsCursor;
    private long seenVersion;

    BridgeFollower(String operationId, ProgressBridge bridge) {
        this.operationId = operationId;
        this.bridge = bridge;
    }

    ProgressBridge bridge() {
        return bridge;
    }

    /** Reads the bridge once and records what changed; a terminal record is left untouched. */
    synchronized Optional<OperationInfo> pull(OperationStore store, Clock clock) {
        ProgressSnapshot snapshot = bridge.snapshot();
        if (snapshot.version() == seenVersion) {
            return store.find(operationId);
        }
        MetricsPage page = bridge.metrics(metricsCursor);
        if (!page.metrics().isEmpty()) {
            store.appendMetrics(operationId, page.metrics());
        }
        metricsCursor = page.newCursor();
        seenVersion = snapshot.version();
        int metricsCount = metricsCursor;
        return store.update(operationId, current -> current.status().isTerminal()
                ? current
                : current.withProgress(OperationProgress.of(snapshot), metricsCount, clock.instant()));
    }
}
