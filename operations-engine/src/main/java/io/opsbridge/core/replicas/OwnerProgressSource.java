package io.opsbridge.core.replicas;

import io.opsbridge.api.LogsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.follow.ProgressContext;
import io.opsbridge.core.follow.ProgressSource;
import io.opsbridge.core.proxy.HostCalls;
import io.opsbridge.core.proxy.HostException;
import io.opsbridge.core.proxy.HostRejectedException;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.OperationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A local operation that another replica (its owner) runs, read through that owner: every read is
 * one forward, answered with the owner's own (cached) answer, and nothing is copied or cached here,
 * so a client switching replicas never sees progress go back; its log too. Only the owner writes the
 * operation's rows; this source writes one thing: when the owner does not answer and its liveness
 * stamp is older than the type's stall-after (at once when it is stopping), the owner-lost marker
 * in {@code progress.context}, naming the replica ({@link #lostOwner}: a replica may then resume it).
 * An owner that no longer owns the operation (another replica claimed it) is not followed any more:
 * the next read follows the new owner. A cancel is forwarded to the owner; if it cannot
 * be reached, the lifecycle records the cancel and the owner applies it at its next touch.
 */
public final class OwnerProgressSource implements ProgressSource {

    private static final Logger LOG = Logger.getLogger(OwnerProgressSource.class);

    private final String operationId;
    private final ReplicaIdentity me;
    private final JdbcReplicaStore replicas;
    private final OperationStore store;
    private final Function<String, OwnerApi> clients;
    private final Supplier<String> caller;
    /** Forgets this source: the owner answered that the operation ended, so nothing is forwarded for it again. */
    private final Runnable ended;
    private final Settings settings;
    private final Clock clock;
    private volatile Replica owner;
    private volatile long seenVersion;
    /** The owner's last sign of life once it stopped answering; null while it answers. */
    private volatile Instant quietSince;
    /** The owner's node id once it is found lost; null while it answers. */
    private volatile String lostOwner;

    /** @param clients the client of an owner's URL; @param caller who the current request is for (audit name), or null */
    public OwnerProgressSource(String operationId, Replica owner, ReplicaIdentity me, JdbcReplicaStore replicas,
            OperationStore store, Function<String, OwnerApi> clients, Supplier<String> caller, Runnable ended,
            Settings settings, Clock clock) {
        this.operationId = operationId;
        this.owner = owner;
        this.me = me;
        this.replicas = replicas;
        this.store = store;
        this.clients = clients;
        this.caller = caller;
        this.ended = ended;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The owner's answer (its cached one unless {@code forceRefresh}), one forward, no thread
     * waiting; when it does not answer, the stored record, read (and marked) on {@code blocking}.
     */
    @Override
    public CompletionStage<Optional<OperationInfo>> pull(boolean forceRefresh, Executor blocking) {
        return ownersAnswer(forceRefresh)
                .handle((answer, error) -> error == null ? CompletableFuture.completedFuture(answered(answer))
                        : CompletableFuture.supplyAsync(() -> unanswered(error), blocking))
                .thenCompose(Function.identity());
    }

    /** The owner's long-poll: its answer once the operation moves past the version last seen here. */
    @Override
    public CompletionStage<Optional<OperationInfo>> pullAfterChange(Duration wait, Executor blocking) {
        Replica to = owner;
        String waitParam = Math.max(0, wait.toMillis()) + "ms";
        return HostCalls.waitAsync(to.advertisedUrl(), "forwarded long-poll of " + operationId,
                () -> clients.apply(to.advertisedUrl()).whenChanged(operationId, waitParam, seenVersion, to.nodeId(),
                        me.nodeId()))
                .handle((answer, error) -> error == null ? CompletableFuture.completedFuture(answered(answer))
                        : CompletableFuture.supplyAsync(() -> unanswered(error), blocking))
                .thenCompose(Function.identity());
    }

    private CompletionStage<OperationInfo> ownersAnswer(boolean forceRefresh) {
        Replica to = owner;
        return HostCalls.callAsync(to.advertisedUrl(), "forwarded read of " + operationId,
                () -> clients.apply(to.advertisedUrl()).read(operationId, forceRefresh, to.nodeId(), me.nodeId()));
    }

    /** The owner's log lines after {@code cursor} (it has them in memory); empty if it does not answer: read here. */
    @Override
    public Optional<LogsResponse> logs(int cursor) {
        Replica to = owner;
        try {
            return Optional.of(HostCalls.call(to.advertisedUrl(), "forwarded log read of " + operationId,
                    () -> clients.apply(to.advertisedUrl()).logs(operationId, cursor, to.nodeId(), me.nodeId())));
        } catch (HostException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean cachedElsewhere() {
        return true;
    }

    @Override
    public void flush() {
        // the owner writes the rows: nothing waits here
    }

    @Override
    public Instant quietSince() {
        return quietSince;
    }

    @Override
    public String lostOwner() {
        return lostOwner;
    }

    @Override
    public String lostReason(Duration quiet, Duration failAfter) {
        Replica gone = owner;
        return "owner lost: replica " + gone.nodeId() + " (" + gone.advertisedUrl() + ") has not answered for "
                + quiet.toSeconds() + "s (fail-after " + failAfter.toSeconds() + "s)";
    }

    /**
     * Forwards the cancel to the owner, which stops its worker and records it. An owner that cannot
     * be reached is logged; the lifecycle then records the cancel, and the owner stops its worker
     * at its next touch (a read or a save through it).
     */
    @Override
    public void cancel() {
        Replica to = owner;
        try {
            HostCalls.call(to.advertisedUrl(), "forwarded cancel of " + operationId,
                    () -> clients.apply(to.advertisedUrl()).cancel(operationId, to.nodeId(), me.nodeId(), caller.get()));
        } catch (HostRejectedException e) {
            if (e.status() != 409) {
                throw e;
            }
            // finished on the owner first: the lifecycle reads the record and refuses the cancel
        } catch (HostException e) {
            LOG.warnf("operation %s: owner %s (%s) not reachable (%s): the cancel is recorded here and applied"
                    + " by the owner at its next touch", operationId, to.nodeId(), to.advertisedUrl(), e.getMessage());
        }
    }

    private Optional<OperationInfo> answered(OperationInfo answer) {
        seenVersion = Math.max(seenVersion, answer.version());
        quietSince = null;
        lostOwner = null;
        if (answer.status().isTerminal()) {
            ended.run(); // recorded by the owner: later reads find it in the store
        }
        return Optional.of(answer);
    }

    /** The owner did not answer: the record as stored, marked owner-lost once the owner's stamp is too old. */
    private Optional<OperationInfo> unanswered(Throwable error) {
        HostException failure = HostCalls.failureOf(error);
        Instant now = clock.instant();
        Optional<Replica> recorded = replicas.find(owner.nodeId());
        recorded.filter(r -> !r.advertisedUrl().equals(owner.advertisedUrl())).ifPresent(r -> owner = r); // restarted elsewhere
        Optional<OperationInfo> stored = store.find(operationId);
        if (stored.isEmpty() || stored.get().status() != OperationStatus.RUNNING) {
            return stored;
        }
        if (replicas.ownerOf(operationId).filter(node -> !node.equals(owner.nodeId())).isPresent()) {
            ended.run(); // another replica claimed it (a resume): the next read follows that one
            return stored;
        }
        Instant lastSign = recorded.map(Replica::heartbeatAt).orElse(now);
        boolean lost = recorded.isEmpty() || recorded.get().stopping()
                || settings.current().stalls().isStalled(stored.get().operationType(), Duration.between(lastSign, now));
        if (!lost) {
            return stored;
        }
        quietSince = lastSign;
        lostOwner = owner.nodeId();
        String why = "replica " + owner.nodeId() + " (" + owner.advertisedUrl() + ") "
                + (recorded.map(Replica::stopping).orElse(false) ? "is stopping" : "last renewed its stamp at " + lastSign)
                + " and does not answer: " + failure.getMessage();
        return store.update(operationId, current -> marked(current, why, now));
    }

    private OperationInfo marked(OperationInfo current, String why, Instant now) {
        Map<String, Object> context = current.progress().context();
        if (current.status() != OperationStatus.RUNNING || (context != null && context.containsKey(ProgressContext.OWNER_LOST))) {
            return current;
        }
        LOG.warnf("operation %s: owner lost: %s", operationId, why);
        return current.withProgress(ProgressContext.with(current.progress(), Map.of(ProgressContext.OWNER_LOST, why,
                ProgressContext.LAST_PROGRESS_AT, current.updatedAt().toString())), current.metricsCount(), now);
    }
}
