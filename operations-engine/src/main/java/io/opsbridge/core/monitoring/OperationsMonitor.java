package io.opsbridge.core.monitoring;

import io.opsbridge.api.OperationInfo;

/**
 * What the engine tells its operator, called with one line where it happens (cache, sources, proxy,
 * long-poll, lifecycle, retention). Every method has a no-op default, so the engine runs unchanged
 * without metrics ({@link #NONE}); an app installs a real one with {@link Monitoring#install}.
 * Implementations must be quick and must not throw: they run on the read path.
 */
public interface OperationsMonitor {

    /** Counts and times nothing. */
    OperationsMonitor NONE = new OperationsMonitor() {
    };

    /** A read of one operation; {@code forced} skipped the cache. The hot path: no allocation here. */
    default void queried(boolean forced) {
    }

    /** A read that the cache could not answer, so its source was read. */
    default void cacheMissed() {
    }

    /** One pull of a running operation's source ({@code local} or {@code host}) took {@code nanos}. */
    default void refreshed(String source, long nanos) {
    }

    /** One call to a worker host ended with {@code outcome}; {@code error} is null when it went well. */
    default void hostCalled(String host, HostCallOutcome outcome, long nanos, String error) {
    }

    /** A new operation was recorded as pending. */
    default void created(OperationInfo info) {
    }

    /** A new operation was refused because every worker was busy and the queue full (it is forgotten). */
    default void capacityRejected(OperationInfo info) {
    }

    /** A caller was refused by a rate limit of this {@code kind} ({@code start} or {@code admin}). */
    default void rateLimited(String kind) {
    }

    /** An operation moved to {@code info.status()} (running, completed, failed or cancelled). */
    default void statusChanged(OperationInfo info) {
    }

    /** One refresh made for an operation's long-poll waiters (one per wake-up, however many wait). */
    default void longPollRefreshed() {
    }

    /** Long-polling clients answered because the version moved (not those whose wait ran out). */
    default void waitersWoken(int count) {
    }

    /** One metrics-cursor read served {@code items} metrics in {@code bytes} of body. */
    default void metricsServed(int items, long bytes) {
    }

    /** Retention deleted this many finished operations. */
    default void retentionDeleted(int count) {
    }

    /** A signals request for {@code strategy} answered from model {@code version} in {@code nanos}. */
    default void signalsServed(String strategy, String version, long nanos) {
    }

    /** A read that went to the source, with where its time went ({@link ReadTimes}). */
    default void readFinished(String operationId, boolean forced, long totalNanos, long bridgeNanos, long hostNanos) {
    }
}
