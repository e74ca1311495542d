package io.opsbridge.core.hosts;

import io.opsbridge.api.OperationInfo;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * How this process checks and runs work of one type itself, as {@link WorkRouter} needs it.
 *
 * @param checkFields checks the request's fields only (what holds wherever it runs); a 400 naming the field
 * @param checkHere   checks a request to run here, including this process's data; a 400 naming the field
 * @param submit      queues a recorded pending operation on a worker of this process; returns at once
 */
public record LocalWork<R>(UnaryOperator<R> checkFields, UnaryOperator<R> checkHere,
        BiFunction<OperationInfo, R, OperationInfo> submit) {
}
