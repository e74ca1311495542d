package io.opsbridge.backend.data;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.hosts.HostedOperations;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.proxy.HostPool;
import io.opsbridge.core.proxy.HostRejectedException;
import io.opsbridge.workloads.data.DataLoadRequest;
import io.opsbridge.workloads.data.DataLoadStartResponse;
import io.opsbridge.workloads.data.DataLoader;
import io.opsbridge.workloads.data.DataLoadingJobs;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Starts data loads here ({@code mode=local}) or on a data host ({@code mode=host}, round robin over
 * {@code opsbridge.data.routing.hosts}); either way the client follows the backend's own operation id.
 */
@ApplicationScoped
public class DataLoadService {

    private final DataLoader loader;
    private final DataLoadingJobs jobs;
    private final OperationLifecycle lifecycle;
    private final HostedOperations hosted;
    private final DataHostClient hostClient;
    private final HostPool hosts;
    private final String defaultMode;

    public DataLoadService(DataLoader loader, DataLoadingJobs jobs, OperationLifecycle lifecycle,
            HostedOperations hosted, DataHostClient hostClient, DataRoutingConfig routing) {
        this.loader = loader;
        this.jobs = jobs;
        this.lifecycle = lifecycle;
        this.hosted = hosted;
        this.hostClient = hostClient;
        this.hosts = new HostPool("data", routing.hosts().orElse(List.of()));
        this.defaultMode = routing.defaultMode();
    }

    /** Checks the request (a local one against this process's sources); returns it with defaults, or a 400. */
    public DataLoadRequest validate(DataLoadRequest request) {
        DataLoadRequest withMode = request != null && (request.mode() == null || request.mode().isBlank())
                ? request.withMode(defaultMode) : request;
        DataLoadRequest valid = loader.validateParameters(withMode);
        if (DataLoadRequest.MODE_HOST.equals(valid.mode())) {
            if (hosts.isEmpty()) {
                throw new InvalidRequestException("mode", "no data hosts are configured on this backend "
                        + "(opsbridge.data.routing.hosts); use mode=local");
            }
            return valid;
        }
        return loader.validate(valid);
    }

    /** Records and starts the load; returns at once, before any loading work. */
    public OperationInfo start(DataLoadRequest valid) {
        if (DataLoadRequest.MODE_HOST.equals(valid.mode())) {
            return startOnHost(valid);
        }
        OperationInfo created = lifecycle.create(OperationType.DATA_LOADING,
                OperationMetadata.local(valid.symbols(), valid.timeframe(), valid.toParameters()));
        return jobs.submit(created, valid);
    }

    private OperationInfo startOnHost(DataLoadRequest valid) {
        HostPool.Started<DataLoadStartResponse> started;
        try {
            started = hosts.onNextReachable(url -> hostClient.start(url, valid.withMode(DataLoadRequest.MODE_LOCAL)));
        } catch (HostRejectedException e) {
            if (e.status() == 400) {
                // the host's source lacks a symbol, say: the client's mistake, told as the host said it
                String field = e.field() == null ? "body" : e.field();
                String detail = e.detail() == null ? "" : e.detail();
                throw new InvalidRequestException(field, "data host " + e.hostUrl() + ": "
                        + (detail.startsWith(field + ": ") ? detail.substring(field.length() + 2) : detail));
            }
            throw e;
        }
        DataLoadStartResponse answer = started.answer();
        return hosted.follow(OperationType.DATA_LOADING, valid.symbols(), valid.timeframe(), valid.toParameters(),
                started.hostUrl(), answer.operationId(), answer.sessionId());
    }
}
