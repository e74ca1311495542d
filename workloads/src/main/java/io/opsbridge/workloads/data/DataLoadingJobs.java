package io.opsbridge.workloads.data;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.run.OperationRunner;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands a recorded data load to a worker of this process: a fresh {@link DataLoadingProgressBridge},
 * registered before the worker starts, and the shared {@link DataLoader} as the job. The backend
 * (local mode) and the data host start their loads only through here.
 */
@ApplicationScoped
public class DataLoadingJobs {

    private final DataLoader loader;
    private final OperationRunner runner;

    public DataLoadingJobs(DataLoader loader, OperationRunner runner) {
        this.loader = loader;
        this.runner = runner;
    }

    /**
     * Queues the load of a pending operation; returns at once.
     *
     * @throws io.opsbridge.core.CapacityExceededException if no worker can take it (the operation is then forgotten)
     */
    public OperationInfo submit(OperationInfo created, DataLoadRequest valid) {
        return runner.submit(created, new DataLoadingProgressBridge(),
                bridge -> loader.run(created.operationId(), valid, bridge).toSummary());
    }
}
