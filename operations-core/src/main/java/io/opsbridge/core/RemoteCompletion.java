package io.opsbridge.core;

import io.opsbridge.api.OperationInfo;
import java.util.Map;

/**
 * What the backend does with the result of an operation that completed on a host, before it
 * records its own copy as completed (e.g. register the trained model). Runs in the query that
 * discovers the completion; may run more than once for one operation (several replicas), so it
 * must be idempotent.
 */
@FunctionalInterface
public interface RemoteCompletion {

    RemoteCompletion NONE = (record, hostResult) -> hostResult;

    /**
     * @param record     the backend's record, still running
     * @param hostResult the host's result summary
     * @return the result summary to record
     */
    Map<String, Object> completed(OperationInfo record, Map<String, Object> hostResult);
}
