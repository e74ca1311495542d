package io.opsbridge.core.hosts;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationProgress;
import io.opsbridge.api.OperationType;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One kind of work a worker host runs, as its generic endpoints need it ({@link HostSessions},
 * {@code server.hosts.HostStartResource}, {@code server.hosts.HostStatusResource}).
 *
 * @param type           the operation type it records
 * @param idPrefix       the prefix of the operation ids it makes, e.g. {@code host_training_}
 * @param validate       checks a request against this host's data; a 400 naming the field
 * @param submit         queues a recorded pending operation on a worker of this host; returns at once
 * @param legacyProgress the type's own fields of the deprecated status answer, from the operation's progress
 */
public record HostWork<R extends WorkRequest>(OperationType type, String idPrefix, UnaryOperator<R> validate,
        BiFunction<OperationInfo, R, OperationInfo> submit, Function<OperationProgress, Object> legacyProgress) {
}
