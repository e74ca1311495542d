package io.opsbridge.core.proxy;

import io.opsbridge.api.Problem;

/** A host answered a {@link HostHttp} read with an error status; {@link HostCalls} turns it into its {@link HostException}. */
final class HostStatusException extends RuntimeException {

    private final int status;
    private final transient Problem problem;

    HostStatusException(int status, Problem problem) {
        super("answered " + status, null, false, false);
        this.status = status;
        this.problem = problem;
    }

    int status() {
        return status;
    }

    /** The host's problem+json; null when it sent none. */
    Problem problem() {
        return problem;
    }
}
