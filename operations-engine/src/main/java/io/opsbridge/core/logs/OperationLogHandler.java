package io.opsbridge.core.logs;

import io.opsbridge.core.bridge.LogLevel;
import io.opsbridge.core.bridge.OperationLog;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.jboss.logging.MDC;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Routes every log record that carries an operation id in its MDC ({@link JobLog#MDC_KEY}) into
 * that operation's log, if it runs in this process: so what the job's own code, the platform and the
 * libraries it calls log on the job's thread is in the operation's log too. Synchronous, on the
 * logging thread: the record's message (and its exception's causes as text, never a stack trace)
 * becomes one line. Installed on the root logger at startup ({@link OperationLogsBeans}).
 */
public final class OperationLogHandler extends Handler {

    private final OperationLogs logs;
    private final SimpleFormatter plain = new SimpleFormatter();

    public OperationLogHandler(OperationLogs logs) {
        this.logs = logs;
    }

    @Override
    public void publish(LogRecord record) {
        Object id = record instanceof ExtLogRecord ext ? ext.getMdc(JobLog.MDC_KEY) : MDC.get(JobLog.MDC_KEY);
        if (id == null) {
            return;
        }
        OperationLog log = logs.find(id.toString());
        if (log == null || !isLoggable(record)) {
            return;
        }
        String text = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : plain.formatMessage(record);
        Throwable thrown = record.getThrown();
        log.append(LogLevel.ofJul(record.getLevel().intValue()), thrown == null ? text : text + ": " + Causes.of(thrown));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
