package io.opsbridge.core.logs;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.LogsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.bridge.LogPage;
import io.opsbridge.core.bridge.OperationLog;
import io.opsbridge.core.follow.ProgressSource;
import io.opsbridge.core.proxy.OperationServiceProxy;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.OperationStore;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers {@code GET /api/v1/operations/{id}/logs?cursor=}: the lines after the cursor, from the
 * log in this process's memory while the operation runs here, from its owner while it runs on
 * another replica ({@link ProgressSource#logs}), else from the store, after copying
 * what a worker host has beyond it ({@link HostLogCopy}). Each line comes once to a client that
 * follows {@code new_cursor}.
 */
public final class OperationLogReads {

    /** Lines per answer at most; the client continues from {@code new_cursor}. */
    public static final int MAX_LINES = 1000;

    private final OperationLogs logs;
    private final OperationStore store;
    private final HostLogCopy hosts;
    private final Function<OperationInfo, Optional<ProgressSource>> sources;

    public OperationLogReads(OperationLogs logs, OperationStore store, Function<String, OperationServiceProxy> proxies,
            Settings settings) {
        this(logs, store, proxies, settings, info -> Optional.empty());
    }

    /** @param sources the source of a running operation, which may answer its log itself (an owner replica) */
    public OperationLogReads(OperationLogs logs, OperationStore store, Function<String, OperationServiceProxy> proxies,
            Settings settings, Function<OperationInfo, Optional<ProgressSource>> sources) {
        this.logs = logs;
        this.store = store;
        this.hosts = new HostLogCopy(store, proxies, settings);
        this.sources = sources;
    }

    /**
     * @throws InvalidRequestException (400) for a negative cursor
     * @throws io.opsbridge.core.OperationNotFoundException (404), {@link io.opsbridge.core.OperationGoneException} (410)
     */
    public LogsResponse read(String operationId, int cursor) {
        if (cursor < 0) {
            throw new InvalidRequestException("cursor", "must not be negative, was " + cursor);
        }
        OperationLog running = logs.find(operationId);
        LogPage page;
        if (running != null) {
            page = running.page(cursor, MAX_LINES);
        } else {
            OperationInfo info = store.require(operationId);
            Optional<LogsResponse> owners = info.status() == OperationStatus.RUNNING
                    ? sources.apply(info).flatMap(source -> source.logs(cursor)) : Optional.empty();
            if (owners.isPresent()) {
                return owners.get();
            }
            hosts.catchUp(info);
            page = store.log(operationId, cursor, MAX_LINES);
        }
        return new LogsResponse(operationId, page.lines(), page.newCursor(), page.dropped());
    }
}
