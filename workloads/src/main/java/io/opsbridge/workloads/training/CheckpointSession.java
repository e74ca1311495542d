package io.opsbridge.workloads.training;

import io.opsbridge.core.logs.JobLog;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The checkpoints of one run of a training: finds where it resumes (the newest checkpoint that
 * loads and fits what is trained now), saves the state after each {@code every}-th epoch, and
 * removes them all when the training no longer needs them (completed or cancelled).
 *
 * <p>A checkpoint that does not load (a damaged file) is skipped with a WARN naming it and
 * removed; the one before it is tried. One trained on another dataset or other parameters is
 * refused: every checkpoint is removed and the training starts at epoch 1, said in the log.
 */
final class CheckpointSession implements EpochCheckpoints {

    private static final Logger LOG = Logger.getLogger(CheckpointSession.class);

    private final String operationId;
    private final CheckpointPlan plan;
    private final CheckpointStore store;
    private final TrainingFingerprint fingerprint;
    private final TrainingCheckpoint resume;
    /** A checkpoint was there but no longer fit: the training starts over at epoch 1. */
    private final boolean startedOver;
    private StandardScaler scaler;

    private CheckpointSession(String operationId, CheckpointPlan plan, TrainingFingerprint fingerprint,
            TrainingCheckpoint resume) {
        this(operationId, plan, fingerprint, resume, false);
    }

    private CheckpointSession(String operationId, CheckpointPlan plan, TrainingFingerprint fingerprint,
            TrainingCheckpoint resume, boolean startedOver) {
        this.startedOver = startedOver;
        this.operationId = operationId;
        this.plan = plan;
        this.store = plan.enabled() ? new CheckpointStore(plan.dir(), plan.keep()) : null;
        this.fingerprint = fingerprint;
        this.resume = resume;
    }

    /** A session that keeps nothing and resumes from nothing. */
    static CheckpointSession none(String operationId) {
        return new CheckpointSession(operationId, CheckpointPlan.none(), null, null);
    }

    /** Opens the checkpoints of {@code plan} for a training of {@code epochs} epochs on what {@code fingerprint} names. */
    static CheckpointSession open(String operationId, CheckpointPlan plan, TrainingFingerprint fingerprint, int epochs) {
        CheckpointSession empty = new CheckpointSession(operationId, plan, fingerprint, null);
        TrainingCheckpoint newest = empty.newestLoadable();
        if (newest == null) {
            return empty;
        }
        Path where = empty.store.directory(newest.epoch());
        String misfit = fingerprint.differenceFrom(newest.fingerprint());
        if (misfit == null && newest.epoch() > epochs) {
            misfit = "it is after epoch " + newest.epoch() + " and this training has " + epochs;
        }
        if (misfit != null) {
            String words = "not resuming from checkpoint " + where + ": " + misfit + "; training from epoch 1";
            LOG.warnf("Training %s: %s", operationId, words);
            JobLog.warn(words);
            empty.store.deleteAll();
            return new CheckpointSession(operationId, plan, fingerprint, null, true);
        }
        LOG.infof("Training %s resumes from checkpoint %s", operationId, where);
        return new CheckpointSession(operationId, plan, fingerprint, newest);
    }

    private TrainingCheckpoint newestLoadable() {
        return store.newestLoadable((candidate, e) -> {
            String words = "checkpoint " + candidate + " cannot be loaded (" + e.getMessage() + "): skipped and removed";
            LOG.warnf("Training %s: %s", operationId, words);
            JobLog.warn(words);
            store.delete(candidate);
        }).orElse(null);
    }

    /** The scaler the checkpoint trained with, or a new one fitted by {@code fit}; the one saved with every checkpoint. */
    StandardScaler scaler(Supplier<StandardScaler> fit) {
        scaler = resume != null ? resume.scaler() : fit.get();
        return scaler;
    }

    /** Whether a checkpoint was refused (it no longer fits what is trained now): the training starts over. */
    boolean startedOver() {
        return startedOver;
    }

    /** The epoch the training continues after, 0 when it starts afresh. */
    int resumedAfter() {
        return resume == null ? 0 : resume.epoch();
    }

    @Override
    public TrainerState resumePoint() {
        return resume == null ? null : resume.trainer();
    }

    @Override
    public boolean due(int epoch) {
        return store != null && epoch % plan.every() == 0;
    }

    /** Saves the state; a checkpoint that cannot be written is a WARN, not the training's end. */
    @Override
    public void save(TrainerState state) {
        if (scaler == null) {
            throw new IllegalStateException("scaler(...) must be called before training");
        }
        try {
            Path written = store.save(new TrainingCheckpoint(state, scaler.means(), scaler.stds(), fingerprint));
            LOG.debugf("Training %s: checkpoint %s written", operationId, written);
        } catch (RuntimeException e) {
            String words = "checkpoint of epoch " + state.epoch() + " not written: " + e.getMessage();
            LOG.warnf(e, "Training %s: %s", operationId, words);
            JobLog.warn(words);
        }
    }

    /** Removes every checkpoint: the training completed, or was cancelled and never resumes. */
    void discard() {
        if (store != null) {
            store.deleteAll();
            LOG.debugf("Training %s: checkpoints in %s removed", operationId, plan.dir());
        }
    }
}
