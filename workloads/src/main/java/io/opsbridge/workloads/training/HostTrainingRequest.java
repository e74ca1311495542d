package io.opsbridge.workloads.training;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.core.hosts.WorkRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a training host's {@code POST /training/start} reads: every field of a {@link TrainingRequest}
 * (the same names), and where the training keeps its checkpoints. The backend sends
 * {@code checkpoint_key} (its own operation id: the host writes under
 * {@code {models-dir}/checkpoints/{checkpoint_key}/} of the shared mount, and a start with the same
 * key continues from there), {@code checkpoint_every} and {@code checkpoint_keep} (its settings);
 * each may be left out: the host's own operation id and the host's own settings then.
 *
 * <p>A record of its own rather than the training request with the fields added: the backend's
 * public {@code POST /api/v1/trainings} must not take a checkpoint key, and a flat record keeps
 * request bodies strict (an unknown field is a 400), which an unwrapped one would not.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HostTrainingRequest(
        String strategy,
        List<String> symbols,
        String timeframe,
        Integer epochs,
        Integer batchSize,
        Double learningRate,
        Double validationSplit,
        String mode,
        Long seed,
        Boolean autoActivate,
        Boolean newStrategy,
        String checkpointKey,
        Integer checkpointEvery,
        Integer checkpointKeep) implements WorkRequest {

    /** {@code training} to run with checkpoints under {@code key}, every {@code every} epochs, the last {@code keep} kept. */
    public static HostTrainingRequest of(TrainingRequest t, String key, Integer every, Integer keep) {
        return new HostTrainingRequest(t.strategy(), t.symbols(), t.timeframe(), t.epochs(), t.batchSize(),
                t.learningRate(), t.validationSplit(), t.mode(), t.seed(), t.autoActivate(), t.newStrategy(), key, every,
                keep);
    }

    /** The training itself. */
    public TrainingRequest training() {
        return new TrainingRequest(strategy, symbols, timeframe, epochs, batchSize, learningRate, validationSplit, mode,
                seed, autoActivate, newStrategy);
    }

    /** The same checkpoint fields with another (e.g. checked) training. */
    public HostTrainingRequest withTraining(TrainingRequest t) {
        return of(t, checkpointKey, checkpointEvery, checkpointKeep);
    }

    /**
     * This request if its checkpoint fields are usable.
     *
     * @throws InvalidRequestException naming {@code checkpoint_key}, {@code checkpoint_every} or {@code checkpoint_keep}
     */
    public HostTrainingRequest checkCheckpointFields() {
        if (checkpointKey != null) {
            try {
                CheckpointPlan.under(Path.of("."), checkpointKey, 1, 1);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("checkpoint_key", "must be usable as a directory name (letters, "
                        + "digits, '_', '.', '-', at most 128, not starting with '.' or '-'), was '"
                        + Names.abbreviate(checkpointKey) + "'");
            }
        }
        if (checkpointEvery != null && checkpointEvery < 1) {
            throw new InvalidRequestException("checkpoint_every", "must be at least 1, was " + checkpointEvery);
        }
        if (checkpointKeep != null && checkpointKeep < 1) {
            throw new InvalidRequestException("checkpoint_keep", "must be at least 1, was " + checkpointKeep);
        }
        return this;
    }

    /** The training with its seed drawn if it had none ({@link TrainingRequest#reproducible}), checkpoint fields kept. */
    @Override
    public HostTrainingRequest reproducible() {
        return withTraining(training().reproducible());
    }

    @Override
    public HostTrainingRequest withMode(String newMode) {
        return withTraining(training().withMode(newMode));
    }

    @Override
    public Map<String, Object> toParameters() {
        return training().toParameters();
    }
}
