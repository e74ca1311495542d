package io.opsbridge.core.lifecycle;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationType;
import java.util.Map;

/**
 * What an application does with the result of a completed operation of one type before the record
 * is completed (e.g. register the trained model), for local and host completions alike. It runs
 * outside every cache lock: on the worker thread for local work, in the query that discovers the
 * completion for host work; the latter may run on several replicas, so it must be idempotent.
 * The record carries the request as it was started ({@code metadata.parameters}).
 */
public interface CompletionHook {

    /** The operation type this hook is for. */
    OperationType type();

    /**
     * @param record the operation, still running
     * @param result the result summary the worker (or the host) produced
     * @return the result summary to record
     */
    Map<String, Object> completed(OperationInfo record, Map<String, Object> result);
}
