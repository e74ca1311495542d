package io.opsbridge.core.retention;

import java.util.List;

/**
 * What else goes when retention deletes operations: a workload that keeps files of its own per
 * operation (e.g. a training's checkpoints) implements it as a bean, and {@link RetentionService}
 * calls every one after each pass that deleted something. The engine knows nothing of those files.
 */
public interface RetentionListener {

    /**
     * Called with the ids of the operations one pass deleted (already gone from the store). An
     * exception is logged (WARN) and does not stop the other listeners or undo the deletion.
     */
    void deleted(List<String> operationIds);
}
