package io.opsbridge.core.follow;

import io.opsbridge.api.LogsResponse;
import io.opsbridge.api.OperationInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Where a running operation's progress comes from: a {@link ProgressBridge} in this process
 * ({@link LocalProgressSource}) or a worker host behind a proxy ({@link HostProgressSource}).
 * A pull copies what the source has into the store; the caller decides nothing about its status
 * here: a host's terminal answer is handed out as a {@link HostOutcome} for the lifecycle to apply.
 *
 * @see ProgressSources the registry that finds the source of an operation
 */
public interface ProgressSource {

    /**
     * Reads the source once and records what changed: the one way every source answers. The stage
     * completes with the record (empty if it is gone) once the source has answered: a bridge in this
     * process as soon as {@code blocking} runs the read, a host when its answer arrives, no thread
     * waiting for it. Whatever blocks (the store) runs on {@code blocking}; the stage may complete on
     * any thread. {@code forceRefresh} asks a source with a cache of its own (a host) to skip it.
     */
    CompletionStage<Optional<OperationInfo>> pull(boolean forceRefresh, Executor blocking);

    /**
     * Whether its answers are another process's cached answers (the owner replica's): they are not
     * cached here again, where they could only be older than the owner's.
     */
    default boolean cachedElsewhere() {
        return false;
    }

    /**
     * The log lines after {@code cursor}, if this source answers them itself (the owner replica, whose
     * log is in its memory); empty: the log is read here.
     */
    default Optional<LogsResponse> logs(int cursor) {
        return Optional.empty();
    }

    /** Stores what a pull kept only in memory; done before every status change. */
    void flush();

    /**
     * Since when the source has shown no progress (the bridge's last write, the host's first failed
     * call since its last answer), or null while that does not apply; never blocks, never allocates.
     */
    Instant quietSince();

    /** How long the source has shown no progress at {@code now}; zero while {@link #quietSince} is null or later. */
    default Duration quietFor(Instant now) {
        Instant since = quietSince();
        return since == null || since.isAfter(now) ? Duration.ZERO : Duration.between(since, now);
    }

    /**
     * {@link #quietFor} in milliseconds at {@code nowMillis} (epoch milliseconds): the cached read's
     * lost check, on the event loop, which must allocate nothing (no {@code Instant}, no {@code Duration}).
     */
    default long quietMillis(long nowMillis) {
        Instant since = quietSince();
        return since == null ? 0 : Math.max(0, nowMillis - since.toEpochMilli());
    }

    /** The host's id of the operation this source follows on a worker host; null for any other source. */
    default String hostOperationId() {
        return null;
    }

    /**
     * The node id of the replica that owns this operation (runs it in its process) and was found lost
     * by the last pull: it did not answer and its liveness stamp is older than the stall-after, or it
     * is stopping; null while it answers, and for every other source. Never blocks.
     */
    default String lostOwner() {
        return null;
    }

    /** Why an operation quiet for {@code quiet} is failed, {@code failAfter} being its limit. */
    String lostReason(Duration quiet, Duration failAfter);

    /** Tells the work to stop (the worker at its next write, or the host), before the record is cancelled. */
    void cancel();

    /** The operation is failed as lost: stops its work where that needs no waiting (a local worker). */
    default void abandon() {
    }

    /** Whether {@link #takeOutcome} has something to hand out; never blocks. */
    default boolean hasOutcome() {
        return false;
    }

    /** The terminal status a pull found on the host, once; always empty for local work. */
    default Optional<HostOutcome> takeOutcome() {
        return Optional.empty();
    }

    /**
     * Long-poll, local side: calls {@code listener} after each bridge write (null removes it).
     *
     * @return false if this source has no bridge in this process
     */
    default boolean watchWrites(Runnable listener) {
        return false;
    }

    /**
     * Long-poll, local side: whether the bridge has moved past what the last pull copied, as far
     * as can be told without a call; never blocks.
     */
    default boolean hasUnreadChange() {
        return false;
    }

    /**
     * Long-poll, remote side: asks the process the operation runs in (asynchronously, bounded by
     * {@code wait}) to answer once it moves past the version last seen here, and applies that answer
     * as a {@link #pull} would, on {@code blocking}: the stage completes with the record, or fails as a
     * pull would.
     *
     * @return null if the operation runs in this process
     */
    default CompletionStage<Optional<OperationInfo>> pullAfterChange(Duration wait, Executor blocking) {
        return null;
    }
}
