package io.opsbridge.core.store;

import static io.opsbridge.core.Records.inStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.api.LogLine;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationProgress;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.api.StatusCounts;
import io.opsbridge.core.bridge.LogPage;
import io.opsbridge.core.bridge.MetricsPage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OperationStore} must do, run against each implementation (in-memory, H2,
 * PostgreSQL), in the manner of JobRunr's StorageProviderTest.
 */
abstract class OperationStoreContract {

    static final Instant T0 = Instant.parse("2026-11-24T09:30:12.123456Z");

    protected OperationStore store;

    /** A store with nothing in it. */
    protected abstract OperationStore emptyStore();

    /**
     * The key store beside {@link #store}; every call on a database store answers a new instance on
     * the same database (as a replica or a restarted process would have), emptied with the store.
     */
    protected abstract IdempotencyKeyStore keyStore();

    static final Instant DAY_LATER = T0.plus(Duration.ofHours(24));

    @BeforeEach
    void freshStore() {
        store = emptyStore();
    }

    static OperationInfo pending(String id, Instant createdAt) {
        return OperationInfo.pending(id, OperationType.TRAINING,
                OperationMetadata.local(List.of("AAPL", "MSFT"), "1h", Map.of("epochs", 3, "learning_rate", 0.001)),
                createdAt);
    }

    static OperationInfo hostOperation(String id, Instant createdAt) {
        return OperationInfo.pending(id, OperationType.TRAINING,
                new OperationMetadata(List.of("AAPL"), "1h", "host", "host_training_s1", "http://host:8081", "s1", Map.of()),
                createdAt);
    }

    static OperationInfo completed(String id, Instant createdAt, Instant completedAt) {
        return inStatus(inStatus(pending(id, createdAt), OperationStatus.RUNNING, createdAt),
                OperationStatus.COMPLETED, completedAt).withResult(Map.of("model_path", "m/1"));
    }

    @Test
    void countsByTypeAndStatusNameEveryPairWithZerosIncluded() {
        store.insert(pending("op_1", T0));
        store.insert(pending("op_2", T0.plusSeconds(1)));
        store.insert(completed("op_3", T0, T0.plusSeconds(5)));
        store.insert(OperationInfo.pending("op_4", OperationType.DATA_LOADING,
                OperationMetadata.local(List.of("AAPL"), "1h", Map.of()), T0));

        var counts = store.countByTypeAndStatus();

        assertThat(counts.get(OperationType.TRAINING).get(OperationStatus.PENDING)).isEqualTo(2);
        assertThat(counts.get(OperationType.TRAINING).get(OperationStatus.COMPLETED)).isEqualTo(1);
        assertThat(counts.get(OperationType.TRAINING).get(OperationStatus.FAILED)).isZero();
        assertThat(counts.get(OperationType.DATA_LOADING).get(OperationStatus.PENDING)).isEqualTo(1);
        assertThat(counts.get(OperationType.DATA_LOADING).get(OperationStatus.RUNNING)).isZero();

        store.update("op_1", op -> inStatus(op, OperationStatus.RUNNING, T0.plusSeconds(2)));
        store.delete("op_3");
        var after = store.countByTypeAndStatus();

        assertThat(after.get(OperationType.TRAINING).get(OperationStatus.PENDING)).isEqualTo(1);
        assertThat(after.get(OperationType.TRAINING).get(OperationStatus.RUNNING)).isEqualTo(1);
        assertThat(after.get(OperationType.TRAINING).get(OperationStatus.COMPLETED)).isZero();
    }

    @Test
    void aTypeDeclaredByAModuleIsStoredListedAndCountedByItsWireName() {
        OperationType backtest = OperationType.of("backtest");
        store.insert(pending("op_1", T0));
        store.insert(OperationInfo.pending("op_backtest_1", backtest, OperationMetadata.local(List.of("AAPL"), "1h",
                Map.of()), T0.plusSeconds(1)));
        store.update("op_backtest_1", op -> inStatus(op, OperationStatus.RUNNING, T0.plusSeconds(2)));

        OperationList listed = store.list(new OperationQuery(null, OperationType.of("backtest"), 10, 0));
        assertThat(listed.operations()).extracting(OperationInfo::operationId).containsExactly("op_backtest_1");
        assertThat(listed.operations().get(0).operationType()).isEqualTo(backtest);
        assertThat(listed.total()).isEqualTo(1);
        var counts = store.countByTypeAndStatus();
        assertThat(counts.get(backtest).get(OperationStatus.RUNNING)).isEqualTo(1);
        assertThat(counts.get(backtest).get(OperationStatus.PENDING)).isZero();
        assertThat(counts.get(OperationType.DATA_LOADING).get(OperationStatus.PENDING)).isZero();
    }

    @Test
    void insertedOperationIsFoundWithEveryField() {
        OperationInfo full = inStatus(inStatus(pending("op_1", T0), OperationStatus.RUNNING, T0.plusSeconds(1))
                .withProgress(new OperationProgress(42.5, "Epoch 2/3", "Epoch 2/3", 2, 3, 1200, 3000, "AAPL",
                        Map.of("stalled", false, "batch", 7)), 2, T0.plusSeconds(2)),
                OperationStatus.FAILED, T0.plusSeconds(3))
                .withError("boom")
                .withResult(Map.of("final_val_accuracy", 0.51, "epochs_completed", 2, "model_path", "m/op_1"));

        store.insert(full);

        assertThat(store.find("op_1")).contains(full);
    }

    @Test
    void unknownOperationIsNotFound() {
        assertThat(store.find("op_missing")).isEmpty();
        assertThat(store.update("op_missing", op -> op.withError("x"))).isEmpty();
        assertThat(store.wasDeleted("op_missing")).isFalse();
    }

    @Test
    void duplicateIdIsRefused() {
        store.insert(pending("op_1", T0));

        assertThatThrownBy(() -> store.insert(pending("op_1", T0))).isInstanceOf(RuntimeException.class);
    }

    @Test
    void updateStoresAndReturnsTheChangedRecord() {
        store.insert(pending("op_1", T0));

        OperationInfo running = store.update("op_1", op -> inStatus(op, OperationStatus.RUNNING, T0.plusSeconds(5)))
                .orElseThrow();

        assertThat(running.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(running.startedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(running.version()).isEqualTo(2);
        assertThat(store.find("op_1")).contains(running);
    }

    @Test
    void updateThatThrowsLeavesTheRecordAsItWas() {
        OperationInfo original = pending("op_1", T0);
        store.insert(original);

        assertThatThrownBy(() -> store.update("op_1", op -> {
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store.find("op_1")).contains(original);
    }

    @Test
    void concurrentUpdatesOfOneOperationNeverLoseAChange() throws Exception {
        store.insert(pending("op_1", T0));
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        store.update("op_1", op -> op.withProgress(op.progress(), op.metricsCount() + 1, T0));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }

        OperationInfo after = store.find("op_1").orElseThrow();
        assertThat(after.metricsCount()).isEqualTo(100);
        assertThat(after.version()).isEqualTo(101);
    }

    @Test
    void metricsAreReadByCursorInTheOrderTheyWereAppended() {
        store.insert(pending("op_1", T0));
        store.appendMetrics("op_1", 0, List.of(Map.of("epoch", 1, "loss", 0.9), Map.of("epoch", 2, "loss", 0.8)));
        store.appendMetrics("op_1", 2, List.of(Map.of("epoch", 3, "loss", 0.7)));

        MetricsPage all = store.metrics("op_1", 0);
        MetricsPage afterTwo = store.metrics("op_1", 2);
        MetricsPage atEnd = store.metrics("op_1", 3);
        MetricsPage pastEnd = store.metrics("op_1", 10);

        assertThat(all.metrics()).extracting(m -> m.get("epoch")).containsExactly(1, 2, 3);
        assertThat(all.metrics().get(0)).containsEntry("loss", 0.9);
        assertThat(all.newCursor()).isEqualTo(3);
        assertThat(afterTwo.metrics()).extracting(m -> m.get("epoch")).containsExactly(3);
        assertThat(afterTwo.newCursor()).isEqualTo(3);
        assertThat(atEnd).isEqualTo(MetricsPage.empty(3));
        assertThat(pastEnd).isEqualTo(MetricsPage.empty(10));
    }

    static LogLine line(int seq, String message) {
        return new LogLine(seq, T0.plusMillis(seq).truncatedTo(java.time.temporal.ChronoUnit.MILLIS), "info", message);
    }

    @Test
    void logLinesAreReadByCursorAndOnlyTheLastKeepAreKept() {
        store.insert(pending("op_1", T0));
        store.appendLog("op_1", List.of(line(0, "started"), line(1, "epoch 1/3"), line(2, "epoch 2/3")), 3);
        store.appendLog("op_1", List.of(line(3, "epoch 3/3"), line(4, "completed")), 3);

        LogPage fromStart = store.log("op_1", 0, 100);
        assertThat(fromStart.lines()).extracting(LogLine::message).containsExactly("epoch 2/3", "epoch 3/3", "completed");
        assertThat(fromStart.dropped()).as("lines 0 and 1 are gone").isEqualTo(2);
        assertThat(fromStart.newCursor()).isEqualTo(5);
        assertThat(fromStart.lines().get(0)).isEqualTo(line(2, "epoch 2/3"));
        assertThat(store.log("op_1", 3, 1)).isEqualTo(new LogPage(List.of(line(3, "epoch 3/3")), 4, 0));
        assertThat(store.log("op_1", 5, 100)).isEqualTo(LogPage.empty(5));
        assertThat(store.logEnd("op_1")).isEqualTo(5);
        assertThat(store.log("op_unknown", 0, 10)).isEqualTo(LogPage.empty(0));
        assertThat(store.logEnd("op_unknown")).isZero();
    }

    @Test
    void logLinesAlreadyStoredAreSkippedSoACopyFromAHostIsStoredOnce() {
        store.insert(pending("op_1", T0));
        store.appendLog("op_1", List.of(line(0, "a"), line(1, "b")), 100);
        store.appendLog("op_1", List.of(line(1, "b"), line(2, "c")), 100);

        assertThat(store.log("op_1", 0, 100).lines()).extracting(LogLine::message).containsExactly("a", "b", "c");
    }

    @Test
    void metricsOfOperationsDoNotMix() {
        store.insert(pending("op_1", T0));
        store.insert(pending("op_2", T0));
        store.appendMetrics("op_1", 0, List.of(Map.of("epoch", 1)));
        store.appendMetrics("op_2", 0, List.of(Map.of("epoch", 10), Map.of("epoch", 11)));

        assertThat(store.metrics("op_1", 0).metrics()).extracting(m -> m.get("epoch")).containsExactly(1);
        assertThat(store.metrics("op_2", 1).metrics()).extracting(m -> m.get("epoch")).containsExactly(11);
        assertThat(store.metrics("op_unknown", 0)).isEqualTo(MetricsPage.empty(0));
    }

    @Test
    void listIsNewestFirstFilteredAndPaginatedWithTotals() {
        for (int i = 0; i < 5; i++) {
            store.insert(pending("op_" + i, T0.plusSeconds(i)));
        }
        store.update("op_1", op -> inStatus(op, OperationStatus.RUNNING, T0));
        store.update("op_3", op -> inStatus(op, OperationStatus.CANCELLED, T0));

        OperationList firstPage = store.list(new OperationQuery(null, null, 2, 0));
        OperationList secondPage = store.list(new OperationQuery(null, null, 2, 2));
        OperationList pendingOnly = store.list(new OperationQuery(OperationStatus.PENDING, OperationType.TRAINING, 50, 0));
        OperationList noLoads = store.list(new OperationQuery(null, OperationType.DATA_LOADING, 50, 0));

        assertThat(firstPage.operations()).extracting(OperationInfo::operationId).containsExactly("op_4", "op_3");
        assertThat(secondPage.operations()).extracting(OperationInfo::operationId).containsExactly("op_2", "op_1");
        assertThat(firstPage.total()).isEqualTo(5);
        assertThat(firstPage.activeCount()).isEqualTo(4);
        assertThat(pendingOnly.operations()).extracting(OperationInfo::operationId).containsExactly("op_4", "op_2", "op_0");
        assertThat(pendingOnly.total()).isEqualTo(3);
        assertThat(noLoads.operations()).isEmpty();
        assertThat(noLoads.total()).isZero();
    }

    static OperationInfo training(String id, Instant createdAt, String strategy, String... symbols) {
        return OperationInfo.pending(id, OperationType.TRAINING,
                OperationMetadata.local(List.of(symbols), "1h", Map.of("strategy", strategy, "epochs", 3)), createdAt);
    }

    @Test
    void searchNarrowsBySymbolStrategyIdPrefixAndCreatedRangeWithCountsPerStatus() {
        store.insert(training("op_training_20261206_a", T0, "mlp_direction", "AAPL", "MSFT"));
        store.insert(training("op_training_20261206_b", T0.plusSeconds(60), "trend", "MSFT"));
        store.insert(training("op_training_20261207_c", DAY_LATER, "mlp_direction", "AAPL"));
        store.insert(training("op_training_20261207_d", DAY_LATER.plusSeconds(60), "mlp_direction", "GOOG"));
        store.update("op_training_20261207_c", op -> inStatus(op, OperationStatus.RUNNING, DAY_LATER));
        store.update("op_training_20261206_a", op -> inStatus(inStatus(op, OperationStatus.RUNNING, T0),
                OperationStatus.FAILED, T0.plusSeconds(5)));

        OperationList aapl = store.list(search(null, null, "aapl", null, null, null));
        OperationList aaplRunning = store.list(search(OperationStatus.RUNNING, null, "AAPL", null, null, null));
        OperationList trend = store.list(search(null, null, null, "trend", null, null));
        OperationList yesterday = store.list(search(null, "op_training_20261206", null, null, null, null));
        OperationList today = store.list(search(null, null, null, null, DAY_LATER, null));
        OperationList beforeToday = store.list(search(null, null, "MSFT", null, null, DAY_LATER));
        OperationList oldestFirst = store.list(new OperationQuery(null, null, 2, 0, null, null, "mlp_direction", null,
                null, OperationQuery.Sort.OLDEST));

        assertThat(aapl.operations()).extracting(OperationInfo::operationId)
                .containsExactly("op_training_20261207_c", "op_training_20261206_a");
        assertThat(aapl.total()).isEqualTo(2);
        assertThat(aapl.counts()).isEqualTo(new StatusCounts(0, 1, 0, 1, 0));
        assertThat(aapl.activeCount()).as("every unfinished operation, not only the matches").isEqualTo(3);
        assertThat(aaplRunning.operations()).extracting(OperationInfo::operationId).containsExactly("op_training_20261207_c");
        assertThat(aaplRunning.total()).isEqualTo(1);
        assertThat(aaplRunning.counts()).as("the counts leave the status filter out").isEqualTo(aapl.counts());
        assertThat(trend.operations()).extracting(OperationInfo::operationId).containsExactly("op_training_20261206_b");
        assertThat(trend.counts()).isEqualTo(new StatusCounts(1, 0, 0, 0, 0));
        assertThat(store.list(search(null, null, null, "mlp_direction", null, null)).counts())
                .isEqualTo(new StatusCounts(1, 1, 0, 1, 0));
        assertThat(store.list(search(null, null, "MSFT", null, null, null)).counts())
                .isEqualTo(new StatusCounts(1, 0, 0, 1, 0));
        assertThat(yesterday.operations()).extracting(OperationInfo::operationId)
                .containsExactly("op_training_20261206_b", "op_training_20261206_a");
        assertThat(today.operations()).extracting(OperationInfo::operationId)
                .containsExactly("op_training_20261207_d", "op_training_20261207_c");
        assertThat(beforeToday.operations()).extracting(OperationInfo::operationId)
                .containsExactly("op_training_20261206_b", "op_training_20261206_a");
        assertThat(oldestFirst.operations()).extracting(OperationInfo::operationId)
                .containsExactly("op_training_20261206_a", "op_training_20261207_c");
        assertThat(oldestFirst.total()).isEqualTo(3);
    }

    @Test
    void anIdPrefixMatchesLiterallyAndADeletedOperationLeavesEverySearch() {
        store.insert(training("op_x1", T0, "mlp_direction", "AAPL"));
        store.insert(training("opax1", T0.plusSeconds(1), "mlp_direction", "AAPL"));
        store.insert(training("op%1", T0.plusSeconds(2), "mlp_direction", "AAPL"));

        assertThat(store.list(search(null, "op_", null, null, null, null)).operations())
                .extracting(OperationInfo::operationId).as("_ is not a wildcard").containsExactly("op_x1");
        assertThat(store.list(search(null, "op%", null, null, null, null)).operations())
                .extracting(OperationInfo::operationId).as("%% is not a wildcard").containsExactly("op%1");

        store.delete("op_x1");
        OperationList aapl = store.list(search(null, null, "AAPL", null, null, null));
        assertThat(aapl.operations()).extracting(OperationInfo::operationId).containsExactly("op%1", "opax1");
        assertThat(aapl.counts().pending()).isEqualTo(2);
        assertThat(store.list(search(null, null, null, "mlp_direction", null, null)).counts().pending()).isEqualTo(2);
    }

    @Test
    void countsWithoutASearchAreTheTypesCountsPerStatus() {
        store.insert(training("op_1", T0, "mlp_direction", "AAPL"));
        store.insert(training("op_2", T0.plusSeconds(1), "mlp_direction", "AAPL"));
        store.update("op_2", op -> inStatus(op, OperationStatus.RUNNING, T0));
        store.insert(OperationInfo.pending("op_3", OperationType.DATA_LOADING,
                OperationMetadata.local(List.of("AAPL"), "1h", Map.of()), T0));

        OperationList trainings = store.list(new OperationQuery(OperationStatus.PENDING, OperationType.TRAINING, 10, 0));
        OperationList all = store.list(new OperationQuery(null, null, 10, 0));

        assertThat(trainings.counts()).isEqualTo(new StatusCounts(1, 1, 0, 0, 0));
        assertThat(trainings.total()).isEqualTo(1);
        assertThat(all.counts()).isEqualTo(new StatusCounts(2, 1, 0, 0, 0));
        assertThat(all.total()).isEqualTo(3);
    }

    static OperationQuery search(OperationStatus status, String idPrefix, String symbol, String strategy,
            Instant after, Instant before) {
        return new OperationQuery(status, null, 50, 0, idPrefix, symbol, strategy, after, before, null);
    }

    @Test
    void deleteForgetsTheOperationAndItsMetricsWithoutATombstone() {
        store.insert(pending("op_1", T0));
        store.appendMetrics("op_1", 0, List.of(Map.of("epoch", 1)));

        store.delete("op_1");

        assertThat(store.find("op_1")).isEmpty();
        assertThat(store.metrics("op_1", 0).metrics()).isEmpty();
        assertThat(store.wasDeleted("op_1")).isFalse();
    }

    @Test
    void unfinishedLocalOperationsArePendingAndRunningLocalOnes() {
        store.insert(pending("op_pending", T0));
        store.insert(pending("op_running", T0));
        store.update("op_running", op -> inStatus(op, OperationStatus.RUNNING, T0));
        store.insert(completed("op_done", T0, T0.plusSeconds(1)));
        store.insert(hostOperation("op_remote", T0));

        assertThat(store.unfinishedLocal()).extracting(OperationInfo::operationId)
                .containsExactlyInAnyOrder("op_pending", "op_running");
    }

    @Test
    void retentionDeletesOnlyFinishedOperationsOlderThanTheCutoffAndLeavesTombstones() {
        Instant cutoff = T0.plus(Duration.ofDays(30));
        store.insert(completed("op_old", T0, T0.plusSeconds(10)));
        store.appendMetrics("op_old", 0, List.of(Map.of("epoch", 1)));
        store.appendLog("op_old", List.of(line(0, "started")), 100);
        store.insert(completed("op_recent", T0, cutoff.plusSeconds(1)));
        store.insert(pending("op_old_but_running", T0));
        store.update("op_old_but_running", op -> inStatus(op, OperationStatus.RUNNING, T0));

        List<String> deleted = store.deleteFinishedBefore(cutoff, cutoff.plusSeconds(60));

        assertThat(deleted).containsExactly("op_old");
        assertThat(store.find("op_old")).isEmpty();
        assertThat(store.metrics("op_old", 0).metrics()).isEmpty();
        assertThat(store.log("op_old", 0, 10)).as("the log goes with its operation").isEqualTo(LogPage.empty(0));
        assertThat(store.wasDeleted("op_old")).isTrue();
        assertThat(store.find("op_recent")).isPresent();
        assertThat(store.find("op_old_but_running")).isPresent();
        assertThat(store.wasDeleted("op_recent")).isFalse();
        assertThat(store.deleteFinishedBefore(cutoff, cutoff.plusSeconds(120))).isEmpty();
    }

    @Test
    void totalsFollowEveryStatusChangeAndDeletion() {
        Instant cutoff = T0.plus(Duration.ofDays(30));
        store.insert(completed("op_done", T0, T0.plusSeconds(10)));
        store.insert(pending("op_run", T0.plusSeconds(1)));
        store.insert(pending("op_gone", T0.plusSeconds(2)));
        store.update("op_run", op -> inStatus(op, OperationStatus.RUNNING, T0));
        store.update("op_run", op -> op.withError("unchanged status"));
        store.delete("op_gone");
        store.deleteFinishedBefore(cutoff, cutoff);

        OperationList all = store.list(new OperationQuery(null, null, 50, 0));
        OperationList running = store.list(new OperationQuery(OperationStatus.RUNNING, OperationType.TRAINING, 50, 0));
        OperationList completed = store.list(new OperationQuery(OperationStatus.COMPLETED, null, 50, 0));

        assertThat(all.operations()).extracting(OperationInfo::operationId).containsExactly("op_run");
        assertThat(all.total()).isEqualTo(1);
        assertThat(all.activeCount()).isEqualTo(1);
        assertThat(running.total()).isEqualTo(1);
        assertThat(completed.total()).isZero();
    }

    @Test
    void theFirstClaimOfAKeyWinsAndLaterOnesReadItsOperation() {
        IdempotencyClaim first = IdempotencyClaim.starting("key-1", "digest-a", T0, DAY_LATER);

        assertThat(keyStore().claim(first)).isEmpty();
        assertThat(keyStore().claim(IdempotencyClaim.starting("key-1", "digest-a", T0.plusSeconds(1), DAY_LATER)))
                .hasValueSatisfying(holder -> assertThat(holder.started()).isFalse());

        keyStore().recordOperation("key-1", "op_1");
        IdempotencyClaim holder = keyStore().claim(IdempotencyClaim.starting("key-1", "digest-b", T0.plusSeconds(2),
                DAY_LATER)).orElseThrow();

        assertThat(holder.operationId()).isEqualTo("op_1");
        assertThat(holder.requestDigest()).isEqualTo("digest-a");
        assertThat(holder.claimedAt()).isEqualTo(T0);
        assertThat(holder.expiresAt()).isEqualTo(DAY_LATER);
    }

    @Test
    void ofEightConcurrentClaimantsExactlyOneWins() throws Exception {
        ExecutorService claimants = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> won = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                IdempotencyKeyStore replica = keyStore();
                won.add(claimants.submit(() -> replica.claim(
                        IdempotencyClaim.starting("key-race", "digest", T0, DAY_LATER)).isEmpty()));
            }
            int winners = 0;
            for (Future<Boolean> answer : won) {
                winners += answer.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            claimants.shutdownNow();
        }
    }

    @Test
    void aReleasedOrLapsedClaimCanBeTakenButAStartedOneIsKeptUntilItExpires() {
        keyStore().claim(IdempotencyClaim.starting("released", "d", T0, DAY_LATER));
        keyStore().release("released");
        keyStore().claim(IdempotencyClaim.starting("abandoned", "d", T0, DAY_LATER));
        keyStore().claim(IdempotencyClaim.starting("started", "d", T0, DAY_LATER));
        keyStore().recordOperation("started", "op_1");
        keyStore().release("started");
        Instant afterStartTimeout = T0.plus(IdempotencyKeyStore.START_TIMEOUT);

        assertThat(keyStore().claim(IdempotencyClaim.starting("released", "d", T0.plusSeconds(1), DAY_LATER))).isEmpty();
        assertThat(keyStore().claim(IdempotencyClaim.starting("abandoned", "d", afterStartTimeout, DAY_LATER))).isEmpty();
        assertThat(keyStore().claim(IdempotencyClaim.starting("started", "d", afterStartTimeout, DAY_LATER)))
                .hasValueSatisfying(holder -> assertThat(holder.operationId()).isEqualTo("op_1"));
        assertThat(keyStore().claim(IdempotencyClaim.starting("started", "d", DAY_LATER, DAY_LATER.plusSeconds(60))))
                .isEmpty();
    }

    @Test
    void retentionForgetsExpiredKeysOnly() {
        keyStore().claim(IdempotencyClaim.starting("old", "d", T0, T0.plusSeconds(60)));
        keyStore().recordOperation("old", "op_old");
        keyStore().claim(IdempotencyClaim.starting("live", "d", T0, DAY_LATER));
        keyStore().recordOperation("live", "op_live");

        assertThat(keyStore().deleteExpired(T0.plusSeconds(61))).isEqualTo(1);
        // a claim at a time before the old key's expiry would still have found it, had it been kept
        assertThat(keyStore().claim(IdempotencyClaim.starting("old", "d", T0.plusSeconds(1), DAY_LATER))).isEmpty();
        assertThat(keyStore().claim(IdempotencyClaim.starting("live", "d", T0.plusSeconds(61), DAY_LATER)))
                .hasValueSatisfying(holder -> assertThat(holder.operationId()).isEqualTo("op_live"));
    }

    @Test
    void tombstonesOlderThanTheCutoffAreForgotten() {
        store.insert(completed("op_early", T0, T0.plusSeconds(10)));
        store.insert(completed("op_late", T0, T0.plusSeconds(20)));
        store.deleteFinishedBefore(T0.plusSeconds(15), T0.plus(Duration.ofDays(1)));
        store.deleteFinishedBefore(T0.plusSeconds(25), T0.plus(Duration.ofDays(2)));

        int forgotten = store.deleteTombstonesBefore(T0.plus(Duration.ofDays(1)).plusSeconds(1));

        assertThat(forgotten).isEqualTo(1);
        assertThat(store.wasDeleted("op_early")).isFalse();
        assertThat(store.wasDeleted("op_late")).isTrue();
    }
}
