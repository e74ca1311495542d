package io.opsbridge.workloads.training;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.hosts.WorkRequest;
import io.opsbridge.core.lifecycle.ResumableWork;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.MetricsEnd;
import io.opsbridge.core.store.OperationStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jboss.logging.Logger;

/**
 * How a training of this process runs again after an interruption: the same request, rebuilt from
 * what its operation recorded (symbols, timeframe, parameters with its seed), handed to
 * {@link TrainingJobs#submit} under the same operation id, which continues from the newest valid
 * checkpoint under {@code {models-dir}/checkpoints/{operation_id}/} (its epochs that never reached the
 * store are stored first, from the checkpoint's history); a training left pending by the stop is
 * started the same way, as its first attempt. Only this process's own local
 * trainings: a training host's session is resumed by the backend that started it, on another host
 * ({@code TrainingHostResumes}).
 */
@ApplicationScoped
public class TrainingResumes implements ResumableWork {

    private static final Logger LOG = Logger.getLogger(TrainingResumes.class);

    private final TrainingJobs jobs;
    private final TrainingOrchestrator orchestrator;
    private final OperationStore store;
    private final Settings settings;

    public TrainingResumes(TrainingJobs jobs, TrainingOrchestrator orchestrator, OperationStore store,
            Settings settings) {
        this.jobs = jobs;
        this.orchestrator = orchestrator;
        this.store = store;
        this.settings = settings;
    }

    @Override
    public OperationType type() {
        return OperationType.TRAINING;
    }

    @Override
    public boolean resumeAtStartup() {
        return attempts().resume();
    }

    @Override
    public int maxAttempts() {
        return attempts().maxAttempts();
    }

    @Override
    public boolean runsHere(OperationInfo operation) {
        return operation.metadata() != null && WorkRequest.MODE_LOCAL.equals(operation.metadata().mode())
                && operation.metadata().sessionId() == null;
    }

    /**
     * The newest checkpoint that loads (whole, checksums right), as the trainer will pick it; one that
     * does not is passed over here and skipped, with a WARN, by the trainer. 0 when it no longer fits
     * what would be trained now (the dataset or the parameters changed): the trainer refuses it and
     * starts over at epoch 1.
     */
    @Override
    public OptionalInt checkpointEpoch(OperationInfo operation) {
        return newestCheckpoint(operation).map(c -> OptionalInt.of(misfit(operation, c) == null ? c.epoch() : 0))
                .orElse(OptionalInt.empty());
    }

    @Override
    public void run(OperationInfo resumed) {
        jobs.requireCapacity();
        Optional<TrainingCheckpoint> checkpoint = newestCheckpoint(resumed);
        String misfit = checkpoint.map(c -> misfit(resumed, c)).orElse(null);
        if (misfit != null) {
            startOver(resumed, checkpoint.get(), misfit);
            return;
        }
        checkpoint.ifPresent(c -> storeEpochsNotStored(resumed, c));
        jobs.submit(resumed, requestOf(resumed));
    }

    /** Why the checkpoint no longer fits the data and parameters now (as the trainer tells it), or null. */
    private String misfit(OperationInfo operation, TrainingCheckpoint checkpoint) {
        try {
            return orchestrator.fingerprint(requestOf(operation)).differenceFrom(checkpoint.fingerprint());
        } catch (java.io.UncheckedIOException unreadable) {
            return "its data cannot be read now (" + unreadable.getMessage() + ")";
        }
    }

    /**
     * The training runs again from epoch 1 on what is there now: the metrics the earlier attempts
     * stored came from other data, so they go, and the new run stores every epoch once.
     */
    private void startOver(OperationInfo resumed, TrainingCheckpoint checkpoint, String misfit) {
        store.deleteMetrics(resumed.operationId());
        String words = "the checkpoint of epoch " + checkpoint.epoch() + " no longer fits: " + misfit
                + "; training again from epoch 1, the earlier attempts' metrics are replaced";
        LOG.warnf("Training %s: %s", resumed.operationId(), words);
        jobs.submit(resumed, requestOf(resumed), words);
    }

    /**
     * Stores the epochs the newest checkpoint of {@code resumed} holds but the store does not (see
     * {@link #storeEpochsNotStored}); nothing if this process sees no checkpoint of it (a host's
     * checkpoint in a models directory not shared with this process) or it no longer fits.
     */
    public void storeCheckpointedEpochs(OperationInfo resumed) {
        newestCheckpoint(resumed).filter(c -> misfit(resumed, c) == null)
                .ifPresent(c -> storeEpochsNotStored(resumed, c));
    }

    private Optional<TrainingCheckpoint> newestCheckpoint(OperationInfo operation) {
        CheckpointPlan plan = orchestrator.checkpointPlan(operation.operationId(), 1, 1);
        // a damaged one is passed over, as the trainer does (it also says so and removes it)
        return new CheckpointStore(plan.dir(), plan.keep()).newestLoadable((damaged, why) -> { });
    }

    /**
     * The epochs the checkpoint holds but the store does not: reported by the worker and checkpointed,
     * but the process died before a read copied them from its bridge. The new attempt runs only the
     * epochs after the checkpoint, so they are stored now, from the checkpoint's history, as the bridge
     * reports an epoch: every epoch is listed once.
     */
    private void storeEpochsNotStored(OperationInfo resumed, TrainingCheckpoint checkpoint) {
        MetricsEnd stored = store.metricsEnd(resumed.operationId());
        List<EpochMetrics> missing = checkpoint.trainer().history().stream()
                .filter(m -> stored.lastEpoch() == null || m.epoch() > stored.lastEpoch()).toList();
        if (missing.isEmpty()) {
            return;
        }
        TrainingProgressBridge replay = new TrainingProgressBridge();
        replay.onTrainingStarted(Math.max(checkpoint.epoch(), requestOf(resumed).epochs()), 1, 1);
        missing.forEach(replay::onEpoch);
        store.appendMetrics(resumed.operationId(), stored.position(), replay.metrics(0).metrics());
    }

    /** The request the operation was started with, as its record keeps it. */
    public static TrainingRequest requestOf(OperationInfo operation) {
        Map<String, Object> p = operation.metadata().parameters() == null ? Map.of() : operation.metadata().parameters();
        return new TrainingRequest((String) p.get("strategy"), operation.metadata().symbols(),
                operation.metadata().timeframe(), integer(p.get("epochs")), integer(p.get("batch_size")),
                decimal(p.get("learning_rate")), decimal(p.get("validation_split")), WorkRequest.MODE_LOCAL,
                p.get("seed") instanceof Number n ? n.longValue() : null,
                p.get("auto_activate") instanceof Boolean b ? b : null, null).withDefaults();
    }

    private TrainingAttemptsConfig attempts() {
        return settings.current().section(TrainingAttemptsConfig.class);
    }

    private static Integer integer(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    private static Double decimal(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
