package io.opsbridge.backend.training;

import io.opsbridge.workloads.training.TrainingRequest;
import java.util.Map;

/**
 * What happens to a finished training before its operation is recorded as completed, e.g. the
 * model registry registering the new model. Runs on the training's worker thread, after the model
 * is saved; a client that sees the operation completed therefore also sees what the hook did.
 */
public interface CompletedTrainingHook {

    /**
     * @param summary the training's result summary ({@code model_path}, {@code strategy},
     *                {@code model_version}, final metrics, ...)
     * @return the result summary to record, usually {@code summary} plus what the hook added
     */
    Map<String, Object> completed(String operationId, TrainingRequest request, Map<String, Object> summary);
}
