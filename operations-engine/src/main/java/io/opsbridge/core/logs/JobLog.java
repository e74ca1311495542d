package io.opsbridge.core.logs;

import io.opsbridge.core.bridge.LogLevel;
import io.opsbridge.core.bridge.OperationLog;
import org.jboss.logging.MDC;

/**
 * The worker's side of its operation's log: {@code JobLog.info("epoch 3/10: loss 0.41")} from
 * anywhere in a job writes one line into the log of the operation this thread runs (a no-op on a
 * thread that runs none). The runner {@link #bind binds} the log around the job and puts the
 * operation id in the logging MDC ({@link #MDC_KEY}), so ordinary log records of the job's thread,
 * a library's warnings included, reach the same log through {@link OperationLogHandler}.
 */
public final class JobLog {

    /** The MDC key that names the operation a thread works for. */
    public static final String MDC_KEY = "operation_id";

    private static final ThreadLocal<OperationLog> CURRENT = new ThreadLocal<>();

    private JobLog() {
    }

    public static void info(String message) {
        write(LogLevel.INFO, message);
    }

    public static void warn(String message) {
        write(LogLevel.WARN, message);
    }

    public static void error(String message) {
        write(LogLevel.ERROR, message);
    }

    /** Writes one line at {@code level}: a thread-local read and the log's synchronous append, nothing else. */
    public static void write(LogLevel level, String message) {
        OperationLog log = CURRENT.get();
        if (log != null) {
            log.append(level, message);
        }
    }

    /** From now on this thread works for {@code log}'s operation. */
    public static void bind(OperationLog log) {
        CURRENT.set(log);
        MDC.put(MDC_KEY, log.operationId());
    }

    /** This thread works for no operation any more. */
    public static void unbind() {
        CURRENT.remove();
        MDC.remove(MDC_KEY);
    }
}
