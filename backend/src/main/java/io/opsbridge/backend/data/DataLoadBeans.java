package io.opsbridge.backend.data;

import io.opsbridge.api.OperationType;
import io.opsbridge.core.hosts.LocalWork;
import io.opsbridge.core.hosts.WorkRouter;
import io.opsbridge.core.hosts.WorkRouters;
import io.opsbridge.core.hosts.WorkType;
import io.opsbridge.workloads.data.DataLoadRequest;
import io.opsbridge.workloads.data.DataLoader;
import io.opsbridge.workloads.data.DataLoadingJobs;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * How the backend starts data loads: a local one checked against this process's sources and queued
 * on its workers, a host one started on a data host at {@code POST /data/load}.
 */
public class DataLoadBeans {

    static final WorkType DATA = new WorkType("data", OperationType.DATA_LOADING, "/data/load", DataRoutingConfig.class);

    @Produces
    @Singleton
    WorkRouter<DataLoadRequest> loads(WorkRouters routers, DataLoader loader, DataLoadingJobs jobs) {
        return routers.router(DATA, new LocalWork<>(loader::validateParameters, loader::validate, jobs::submit));
    }
}
