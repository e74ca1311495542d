package io.opsbridge.benchmarks;

import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.service.OperationsCore;
import io.opsbridge.core.store.InMemoryOperationStore;
import java.util.List;
import java.util.Map;

/**
 * The read benchmarks' subject: a local training one epoch in, over an in-memory store, with a TTL
 * no iteration outlives and every progress stored at once. The stall limits are the apps' defaults
 * (stall after 15 min, fail after 2 h: never reached here), so every read makes the lost check the
 * apps make.
 */
final class TrainingMidRun {

    final OperationsCore core;
    final TrainingLikeBridge bridge;
    final String id;

    TrainingMidRun() {
        core = OperationsCore.builder(new InMemoryOperationStore()).settings(Map.of(
                "opsbridge.operations.cache-ttl", "1h",
                "opsbridge.store.progress-persist-interval", "0s")).build();
        id = core.lifecycle().create(OperationType.TRAINING,
                OperationMetadata.local(List.of("AAPL"), "1h", Map.of("epochs", 10))).operationId();
        bridge = new TrainingLikeBridge(TrainingWorker.TOTAL_EPOCHS);
        core.sources().registerLocal(id, bridge);
        core.lifecycle().start(id);
        bridge.onBatch(0, 1, TrainingWorker.BATCHES_PER_EPOCH, 0.7);
        TrainingWorker.reportEpoch(bridge, 1);
    }
}
