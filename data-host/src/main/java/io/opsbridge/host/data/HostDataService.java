package io.opsbridge.host.data;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.workloads.data.DataLoadRequest;
import io.opsbridge.workloads.data.DataLoadStartResponse;
import io.opsbridge.workloads.data.DataLoader;
import io.opsbridge.workloads.data.DataLoadingJobs;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Starts loads on this host as {@code host_data_{session_id}} and finds them by session. */
@ApplicationScoped
public class HostDataService {

    private final DataLoader loader;
    private final OperationsService operations;
    private final OperationLifecycle lifecycle;
    private final DataLoadingJobs jobs;

    public HostDataService(DataLoader loader, OperationsService operations, OperationLifecycle lifecycle, DataLoadingJobs jobs) {
        this.loader = loader;
        this.operations = operations;
        this.lifecycle = lifecycle;
        this.jobs = jobs;
    }

    /**
     * Validates the request against this host's sources, records the operation and queues the load;
     * returns before any loading work.
     *
     * @throws io.opsbridge.api.InvalidRequestException (400) naming the wrong field
     * @throws io.opsbridge.core.CapacityExceededException (503) if every worker is busy
     */
    public DataLoadStartResponse start(DataLoadRequest request) {
        // whatever mode the caller asked for, here it runs locally
        DataLoadRequest valid = loader.validate(request == null ? null : request.withMode(DataLoadRequest.MODE_LOCAL));
        String sessionId = UUID.randomUUID().toString().replace("-", "");
        OperationInfo created = lifecycle.create(DataLoadStartResponse.hostOperationId(sessionId),
                OperationType.DATA_LOADING, new OperationMetadata(valid.symbols(), valid.timeframe(),
                        DataLoadRequest.MODE_LOCAL, null, null, sessionId, valid.toParameters()));
        OperationInfo queued = jobs.submit(created, valid);
        return new DataLoadStartResponse(sessionId, queued.operationId(), queued.status());
    }

    /** The operation of a session, as fresh as {@code GET /api/v1/operations/{id}} would show it. */
    public OperationInfo bySession(String sessionId) {
        return operations.get(DataLoadStartResponse.hostOperationId(sessionId), false);
    }
}
