package io.opsbridge.core.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.LogLine;
import io.opsbridge.api.LogsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.OperationNotFoundException;
import io.opsbridge.core.Records;
import io.opsbridge.core.bridge.OperationLog;
import io.opsbridge.core.proxy.FakeHost;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.InMemoryOperationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperationLogsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final InMemoryOperationStore store = new InMemoryOperationStore();
    private final Settings settings = new Settings(RuntimeSettings.of(Map.of(
            "opsbridge.store.progress-persist-interval", "200ms", "opsbridge.store.log-max-lines", "50")));
    private final OperationLogs logs = new OperationLogs(store, settings);
    private final OperationLogReads reads = new OperationLogReads(logs, store, url -> host().proxy(), settings);
    private FakeHost host;

    @AfterEach
    void closeLogs() {
        logs.close();
    }

    private FakeHost host() {
        return host;
    }

    private void running(String id, OperationMetadata metadata) {
        store.insert(Records.inStatus(OperationInfo.pending(id, OperationType.TRAINING, metadata, NOW),
                OperationStatus.RUNNING, NOW));
    }

    @Test
    void aRunningOperationsLinesAreStoredWithinAnIntervalWithoutAnyRead() {
        running("op_1", OperationMetadata.local(List.of("AAPL"), "1h", Map.of()));
        OperationLog log = logs.open("op_1");

        log.info("epoch 1/3");
        log.info("epoch 2/3");

        await().atMost(Duration.ofSeconds(5)).until(() -> store.logEnd("op_1") == 2);
        assertThat(store.log("op_1", 0, 10).lines()).extracting(LogLine::message).containsExactly("epoch 1/3", "epoch 2/3");
    }

    @Test
    void closingStoresEveryLineAndReadsThenComeFromTheStore() {
        running("op_1", OperationMetadata.local(List.of("AAPL"), "1h", Map.of()));
        OperationLog log = logs.open("op_1");
        log.info("started");
        log.error("failed: no data");

        logs.close("op_1");

        assertThat(logs.find("op_1")).isNull();
        LogsResponse answer = reads.read("op_1", 0);
        assertThat(answer.lines()).extracting(LogLine::message).containsExactly("started", "failed: no data");
        assertThat(answer.newCursor()).isEqualTo(2);
        assertThat(reads.read("op_1", answer.newCursor()).lines()).as("no line twice").isEmpty();
    }

    @Test
    void aLogRecordCarryingTheOperationIdInItsMdcLandsInThatLog() {
        running("op_1", OperationMetadata.local(List.of("AAPL"), "1h", Map.of()));
        OperationLog log = logs.open("op_1");
        OperationLogHandler handler = new OperationLogHandler(logs);
        java.util.logging.Logger.getLogger("").addHandler(handler);
        try {
            Logger.getLogger("some.library").warnf("only %d bars for %s", 12, "AAPL");
            JobLog.bind(log);
            Logger.getLogger("some.library").warnf("only %d bars for %s", 12, "MSFT");
            Logger.getLogger("some.library").error("load failed", new IllegalStateException("outer",
                    new NumberFormatException("not a number in column 'low'")));
            JobLog.info("explicit");
        } finally {
            JobLog.unbind();
            java.util.logging.Logger.getLogger("").removeHandler(handler);
        }

        assertThat(log.page(0, 10).lines()).extracting(LogLine::level, LogLine::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("warn", "only 12 bars for MSFT"),
                org.assertj.core.groups.Tuple.tuple("error", "load failed: outer; caused by: not a number in column 'low'"),
                org.assertj.core.groups.Tuple.tuple("info", "explicit"));
    }

    @Test
    void aHostOperationsLogIsCopiedFromTheHostOnReadAndStoredOnce() {
        host = new FakeHost("host_training_s1");
        running("op_h", new OperationMetadata(List.of("AAPL"), "1h", "host", "host_training_s1", FakeHost.URL, "s1",
                Map.of()));
        host.logLine("started");
        host.logLine("epoch 1/2");

        LogsResponse first = reads.read("op_h", 0);
        host.logLine("epoch 2/2");
        LogsResponse second = reads.read("op_h", first.newCursor());

        assertThat(first.lines()).extracting(LogLine::message).containsExactly("started", "epoch 1/2");
        assertThat(second.lines()).extracting(LogLine::message).containsExactly("epoch 2/2");
        assertThat(store.log("op_h", 0, 10).lines()).hasSize(3);
        host.down(true);
        assertThat(reads.read("op_h", 0).lines()).as("an unreachable host: the stored lines").hasSize(3);
    }

    @Test
    void aNegativeCursorIsABadRequestAndAnUnknownOperationNotFound() {
        assertThatThrownBy(() -> reads.read("op_1", -1)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> reads.read("op_unknown", 0)).isInstanceOf(OperationNotFoundException.class);
    }
}
