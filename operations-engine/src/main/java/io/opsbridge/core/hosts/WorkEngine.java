package io.opsbridge.core.hosts;

import io.opsbridge.api.OperationInfo;

/**
 * A place other than the host list where {@code mode=host} work of one type can run, added by an
 * application without this module knowing it: the backend's Kubernetes engine (one Job per training)
 * is one. {@link WorkRouter} asks its engine supplier at each request which engine the current
 * settings select; none selected: the host list.
 *
 * <pre>{@code
 * routers.router(TRAINING, local, jobs::forHost, () -> kubernetesSelected() ? Optional.of(jobs) : Optional.empty());
 * }</pre>
 */
public interface WorkEngine<R extends WorkRequest> {

    /**
     * Checks that this engine can take work now, on a request about to be accepted.
     *
     * @throws io.opsbridge.api.InvalidRequestException (400) naming what is missing
     */
    void checkConfigured();

    /**
     * Records the work as a new operation, places it and returns the operation at once, before any of
     * the work; the operation's metadata names this engine, so it is followed by it from then on.
     */
    OperationInfo start(R valid);
}
