package io.opsbridge.backend.kubernetes;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.follow.HostOutcome;
import io.opsbridge.core.follow.ProgressSource;
import io.opsbridge.core.proxy.HostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Follows one training that runs as a Kubernetes Job, by pulling: while its pod's training host answers,
 * through that host's own source (the host proxy, metrics exactly once, its outcome); when it does not
 * (not found yet, pending, gone), by reading the Job and its pods ({@link JobPods}) on the read itself: a
 * waiting pod shows {@code pending: <reason>}, a replacement pod is followed as the next attempt, an
 * ended one completes from its terminal record. The pod's address is kept until it stops answering.
 * Nothing here runs between reads.
 */
final class JobProgressSource implements ProgressSource {

    private static final Logger LOG = Logger.getLogger(JobProgressSource.class);

    private final String operationId;
    private final JobPods job;
    private final ReentrantLock lock = new ReentrantLock();
    /** The source of the pod whose host answered last; null until found, and after it stopped answering. */
    private volatile ProgressSource pod;
    private final AtomicReference<HostOutcome> outcome = new AtomicReference<>();
    /** Since when the Kubernetes API has not answered; null while it does. */
    private volatile Instant apiQuietSince;

    JobProgressSource(String operationId, JobPods job) {
        this.operationId = operationId;
        this.job = job;
    }

    @Override
    public CompletionStage<Optional<OperationInfo>> pull(boolean forceRefresh, Executor blocking) {
        ProgressSource following = pod;
        if (following == null) {
            return located(null, forceRefresh, blocking);
        }
        return following.pull(forceRefresh, blocking).thenCompose(record -> following.quietSince() == null
                || following.hasOutcome() || record.map(r -> r.status() != OperationStatus.RUNNING).orElse(true)
                ? CompletableFuture.completedFuture(record) : located(following, forceRefresh, blocking));
    }

    /** Looks for the Job's pod again on {@code blocking} ({@code stale}: the source that stopped answering). */
    private CompletionStage<Optional<OperationInfo>> located(ProgressSource stale, boolean forceRefresh,
            Executor blocking) {
        return CompletableFuture.supplyAsync(() -> locate(stale, forceRefresh, blocking), blocking)
                .thenCompose(Function.identity());
    }

    private CompletionStage<Optional<OperationInfo>> locate(ProgressSource stale, boolean forceRefresh,
            Executor blocking) {
        lock.lock();
        try {
            if (pod != null && pod != stale) {
                return pod.pull(forceRefresh, blocking); // another read found it meanwhile
            }
            if (stale != null) {
                LOG.infof("operation %s: the pod of Job %s stopped answering; looking for it again", operationId,
                        job.jobName());
            }
            pod = null;
            JobPods.Found found;
            try {
                found = job.find();
                apiQuietSince = null;
            } catch (HostException e) {
                apiQuietSince = apiQuietSince == null ? Instant.now() : apiQuietSince;
                return CompletableFuture.completedFuture(job.unreachable(e, apiQuietSince));
            }
            if (found.pod() != null) {
                pod = found.pod();
                return pod.pull(forceRefresh, blocking);
            }
            found.outcome().ifPresent(outcome::set);
            return CompletableFuture.completedFuture(found.record());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void flush() {
        ProgressSource following = pod;
        if (following != null) {
            following.flush();
        }
    }

    /** Only the Kubernetes API's silence counts: the cluster replaces a lost pod, the Job says when it gave up. */
    @Override
    public Instant quietSince() {
        return apiQuietSince;
    }

    @Override
    public String lostReason(Duration quiet, Duration failAfter) {
        return "kubernetes API unreachable: Job " + job.jobName() + " not read for " + quiet.toSeconds()
                + "s (fail-after " + failAfter.toSeconds() + "s)";
    }

    /** The pod's own operation cancelled through its API first (found now if no read found it), then the Job deleted. */
    @Override
    public void cancel() {
        lock.lock();
        try {
            ProgressSource following = pod != null ? pod : job.findQuietly().map(JobPods.Found::pod).orElse(null);
            if (following != null) {
                following.cancel();
            }
            job.delete();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean hasOutcome() {
        ProgressSource following = pod;
        return outcome.get() != null || following != null && following.hasOutcome();
    }

    @Override
    public Optional<HostOutcome> takeOutcome() {
        HostOutcome own = outcome.getAndSet(null);
        if (own != null) {
            return Optional.of(own);
        }
        ProgressSource following = pod;
        return following == null ? Optional.empty() : following.takeOutcome();
    }

    /** The pod's long-poll while its host answers; a plain read otherwise (nothing to wait on). */
    @Override
    public CompletionStage<Optional<OperationInfo>> pullAfterChange(Duration wait, Executor blocking) {
        ProgressSource following = pod;
        return following != null ? following.pullAfterChange(wait, blocking) : pull(false, blocking);
    }
}
