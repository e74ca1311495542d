package io.opsbridge.core.lifecycle;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** The {@link CompletionHook} of each operation type; a type without one records its result as it came. */
public final class CompletionHooks {

    private static final Logger LOG = Logger.getLogger(CompletionHooks.class);

    private final Map<OperationType, CompletionHook> byType = new HashMap<>();

    /** @throws IllegalArgumentException if two hooks claim one type */
    public CompletionHooks(List<CompletionHook> hooks) {
        for (CompletionHook hook : hooks) {
            if (byType.putIfAbsent(hook.type(), hook) != null) {
                throw new IllegalArgumentException("two completion hooks for " + hook.type().wireName());
            }
        }
    }

    public static CompletionHooks none() {
        return new CompletionHooks(List.of());
    }

    /** The result to record; an exception from the hook propagates. */
    Map<String, Object> apply(OperationInfo record, Map<String, Object> result) {
        CompletionHook hook = byType.get(record.operationType());
        return hook == null || result == null ? result : hook.completed(record, result);
    }

    /**
     * As {@link #apply}, but a failing hook is reported in the result as {@code completion_error}, and
     * in its {@code warnings} list, so a client that shows warnings shows this partial outcome too.
     */
    Map<String, Object> applyReportingFailure(OperationInfo record, Map<String, Object> result) {
        try {
            return apply(record, result);
        } catch (RuntimeException e) {
            LOG.errorf(e, "operation %s: completed, but its completion step failed", record.operationId());
            Map<String, Object> reported = new HashMap<>(result == null ? Map.of() : result);
            reported.put("completion_error", String.valueOf(e.getMessage()));
            List<Object> warnings = new ArrayList<>(reported.get("warnings") instanceof List<?> l ? l : List.of());
            warnings.add("completion step failed: " + e.getMessage());
            reported.put("warnings", warnings);
            return reported;
        }
    }
}
