package io.opsbridge.host.data;

import io.opsbridge.api.OperationType;
import io.opsbridge.core.hosts.HostSessions;
import io.opsbridge.core.hosts.HostWork;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.workloads.data.DataLoadRequest;
import io.opsbridge.workloads.data.DataLoader;
import io.opsbridge.workloads.data.DataLoadingJobs;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * What this host runs: data loads, as {@code host_data_{session_id}}, checked against this host's
 * sources and queued on its workers. Whatever mode the caller asked for, here a load runs locally.
 */
public class DataHostBeans {

    @Produces
    @Singleton
    HostSessions<DataLoadRequest> loads(OperationsService operations, OperationLifecycle lifecycle, DataLoader loader,
            DataLoadingJobs jobs) {
        return new HostSessions<>(operations, lifecycle, new HostWork<>(OperationType.DATA_LOADING, "host_data_",
                request -> loader.validate(request == null ? null : request.withMode(DataLoadRequest.MODE_LOCAL)),
                jobs::submit, SymbolCounts::of));
    }
}
