package io.opsbridge.core;

/**
 * Marks a failure that a new attempt with the same request would meet again: invalid data, a loss
 * that diverged. An exception type implements it (e.g. {@code MarketDataException}); an operation
 * that failed with one in its causes (or with an {@link io.opsbridge.api.InvalidRequestException})
 * is never resumed, by a restart or by an operator.
 */
public interface DeterministicFailure {

    /** Whether {@code failure} or one of its causes is deterministic. */
    static boolean isIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DeterministicFailure || t instanceof io.opsbridge.api.InvalidRequestException) {
                return true;
            }
        }
        return false;
    }
}
