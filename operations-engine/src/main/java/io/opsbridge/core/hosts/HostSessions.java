package io.opsbridge.core.hosts;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.service.OperationsService;
import java.time.Duration;
import java.util.UUID;

/**
 * A worker host's side of host work, the same for every kind: starts work as
 * {@code {prefix}{session_id}} and finds it again by session.
 */
public class HostSessions<R extends WorkRequest> {

    private final OperationsService operations;
    private final OperationLifecycle lifecycle;
    private final HostWork<R> work;

    public HostSessions(OperationsService operations, OperationLifecycle lifecycle, HostWork<R> work) {
        this.operations = operations;
        this.lifecycle = lifecycle;
        this.work = work;
    }

    /**
     * Validates the request against this host's data, records the operation and queues the work;
     * returns before any of the work.
     *
     * @throws io.opsbridge.api.InvalidRequestException (400) naming the wrong field
     * @throws io.opsbridge.core.CapacityExceededException (503) if every worker is busy
     */
    @SuppressWarnings("unchecked") // every WorkRequest's reproducible returns its own type
    public HostStarted start(R request) {
        R valid = (R) work.validate().apply(request).reproducible();
        String sessionId = UUID.randomUUID().toString().replace("-", "");
        OperationInfo created = lifecycle.create(work.idPrefix() + sessionId, work.type(), new OperationMetadata(
                valid.symbols(), valid.timeframe(), WorkRequest.MODE_LOCAL, null, null, sessionId, valid.toParameters()));
        OperationInfo queued = work.submit().apply(created, valid);
        return new HostStarted(sessionId, queued.operationId(), queued.status());
    }

    /** The operation of a session, as fresh as {@code GET /api/v1/operations/{id}} would show it. */
    public OperationInfo bySession(String sessionId) {
        return operations.get(work.idPrefix() + sessionId, false);
    }

    /** The type's own fields of the deprecated status answer. */
    public Object legacyProgress(OperationInfo operation) {
        return work.legacyProgress().apply(operation.progress());
    }

    /** How long a read is reused, for the {@code Retry-After} of a start's answer. */
    public Duration cacheTtl() {
        return operations.cacheTtl();
    }
}
