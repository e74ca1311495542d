package io.opsbridge.workloads.training;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * {@code checkpoint.json}: every part of a {@link TrainingCheckpoint} but the two encoded
 * {@code NDList}s beside it, whose SHA-256 it names so that a damaged file is never loaded.
 * Written last, so a checkpoint directory without it is incomplete.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record CheckpointManifest(int format, int epoch, List<EpochMetrics> history, byte[] random, int[] order,
        int optimizerStep, List<String> parameterNames, double[] scalerMeans, double[] scalerStds,
        String datasetSha256, String trainingParameters, String parametersSha256, String optimizerSha256) {

    static final int FORMAT = 1;

    static CheckpointManifest of(TrainingCheckpoint c, String parametersSha256, String optimizerSha256) {
        TrainerState t = c.trainer();
        return new CheckpointManifest(FORMAT, t.epoch(), t.history(), t.random(), t.order(), t.optimizerStep(),
                t.parameterNames(), c.scalerMeans(), c.scalerStds(), c.fingerprint().dataset(),
                c.fingerprint().parameters(), parametersSha256, optimizerSha256);
    }

    TrainingCheckpoint with(byte[] parameters, byte[] optimizer) {
        return new TrainingCheckpoint(new TrainerState(epoch, history, random, order, optimizerStep, parameterNames,
                parameters, optimizer), scalerMeans, scalerStds, new TrainingFingerprint(datasetSha256, trainingParameters));
    }
}
