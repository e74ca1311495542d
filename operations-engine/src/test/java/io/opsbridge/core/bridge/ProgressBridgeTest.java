package io.opsbridge.core.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProgressBridgeTest {

    private final TestBridge bridge = new TestBridge();
    private ExecutorService threads;

    @AfterEach
    void stopThreads() {
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    @Test
    void untouchedBridgeHasAnEmptySnapshotAtVersionZero() {
        ProgressSnapshot snapshot = bridge.snapshot();

        assertThat(snapshot).isEqualTo(ProgressSnapshot.empty());
        assertThat(bridge.version()).isZero();
    }

    @Test
    void snapshotIsNotChangedByLaterWrites() {
        bridge.progress(10, "loading");
        bridge.context("symbol", "AAPL");
        ProgressSnapshot before = bridge.snapshot();

        bridge.progress(50, "training");
        bridge.context("symbol", "MSFT");
        bridge.epoch(1, 10, 0.5);

        assertThat(before.percentage()).isEqualTo(10);
        assertThat(before.message()).isEqualTo("loading");
        assertThat(before.currentStep()).isNull();
        assertThat(before.context()).containsExactly(Map.entry("symbol", "AAPL"));
        assertThat(before.metricsCount()).isZero();
        assertThat(before.version()).isEqualTo(2);
        assertThat(bridge.snapshot().context()).containsExactly(Map.entry("symbol", "MSFT"));
    }

    @Test
    void snapshotContextCannotBeModified() {
        bridge.context("symbol", "AAPL");
        ProgressSnapshot snapshot = bridge.snapshot();

        assertThatThrownBy(() -> snapshot.context().put("symbol", "MSFT"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(bridge.snapshot().context()).containsExactly(Map.entry("symbol", "AAPL"));
    }

    @Test
    void nullContextValueRemovesTheField() {
        bridge.context("symbol", "AAPL");
        bridge.context("symbol", null);

        assertThat(bridge.snapshot().context()).isEmpty();
    }

    @Test
    void snapshotCarriesTheStateOfAnEvent() {
        bridge.epoch(3, 10, 0.25);

        ProgressSnapshot snapshot = bridge.snapshot();
        assertThat(snapshot.currentStep()).isEqualTo("Epoch 3/10");
        assertThat(snapshot.stepsCompleted()).isEqualTo(3);
        assertThat(snapshot.stepsTotal()).isEqualTo(10);
        assertThat(snapshot.percentage()).isEqualTo(30.0);
        assertThat(snapshot.metricsCount()).isEqualTo(1);
        assertThat(snapshot.updatedAt()).isNotNull();
    }

    @Test
    void versionIncreasesOnEveryWrite() {
        long v0 = bridge.version();
        bridge.progress(1, "a");
        long v1 = bridge.version();
        bridge.metric(Map.of("n", 1));
        long v2 = bridge.version();
        bridge.epoch(1, 2, 0.1);
        long v3 = bridge.version();
        bridge.progress(1, "a"); // same values: still a write
        long v4 = bridge.version();

        assertThat(List.of(v0, v1, v2, v3, v4)).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(bridge.snapshot().version()).isEqualTo(v4);
    }

    @Test
    void metricsFromCursorZeroReturnsEverythingAndTheSizeAsNewCursor() {
        appendMetrics(5);

        MetricsPage page = bridge.metrics(0);

        assertThat(page.metrics()).extracting(m -> m.get("n")).containsExactly(0, 1, 2, 3, 4);
        assertThat(page.newCursor()).isEqualTo(5);
    }

    @Test
    void metricsFromAMiddleCursorReturnsOnlyTheLaterOnes() {
        appendMetrics(5);

        MetricsPage page = bridge.metrics(2);

        assertThat(page.metrics()).extracting(m -> m.get("n")).containsExactly(2, 3, 4);
        assertThat(page.newCursor()).isEqualTo(5);
    }

    @Test
    void metricsAtCursorEqualToSizeReturnNothingAndKeepTheCursor() {
        appendMetrics(5);

        MetricsPage page = bridge.metrics(5);

        assertThat(page.metrics()).isEmpty();
        assertThat(page.newCursor()).isEqualTo(5);
    }

    @Test
    void metricsPastTheEndReturnNothingAndKeepTheClientsCursor() {
        appendMetrics(5);

        MetricsPage page = bridge.metrics(8);

        // contract of MetricsPage.after: empty(max(cursor, size))
        assertThat(page.metrics()).isEmpty();
        assertThat(page.newCursor()).isEqualTo(8);
    }

    @Test
    void metricsOfAnEmptyBridgeAreEmpty() {
        assertThat(bridge.metrics(0)).isEqualTo(MetricsPage.empty(0));
    }

    @Test
    void negativeCursorIsRefused() {
        assertThatThrownBy(() -> bridge.metrics(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void metricsPageIsACopyThatLaterAppendsDoNotChange() {
        appendMetrics(2);
        MetricsPage page = bridge.metrics(0);

        appendMetrics(3);

        assertThat(page.metrics()).hasSize(2);
        assertThatThrownBy(() -> page.metrics().add(Map.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void followingNewCursorReturnsEachMetricOnce() {
        List<Object> seen = new ArrayList<>();
        int cursor = 0;

        appendMetrics(3);
        MetricsPage first = bridge.metrics(cursor);
        first.metrics().forEach(m -> seen.add(m.get("n")));
        cursor = first.newCursor();

        MetricsPage nothingNew = bridge.metrics(cursor);
        assertThat(nothingNew.metrics()).isEmpty();
        cursor = nothingNew.newCursor();

        bridge.metric(Map.of("n", 3));
        MetricsPage second = bridge.metrics(cursor);
        second.metrics().forEach(m -> seen.add(m.get("n")));

        assertThat(seen).containsExactly(0, 1, 2, 3);
        assertThat(second.newCursor()).isEqualTo(4);
    }

    @Test
    void cancelledBridgeRefusesEveryWriteAndChangesNothing() {
        bridge.progress(40, "half way");
        bridge.metric(Map.of("n", 0));
        ProgressSnapshot before = bridge.snapshot();

        bridge.requestCancel();

        assertThat(bridge.isCancelRequested()).isTrue();
        assertThatThrownBy(() -> bridge.progress(90, "nearly")).isInstanceOf(OperationCancelledException.class);
        assertThatThrownBy(() -> bridge.metric(Map.of("n", 1))).isInstanceOf(OperationCancelledException.class);
        assertThatThrownBy(() -> bridge.epoch(2, 3, 0.1)).isInstanceOf(OperationCancelledException.class);
        assertThat(bridge.snapshot()).isEqualTo(before);
        assertThat(bridge.version()).isEqualTo(before.version());
        assertThat(bridge.metrics(0).metrics()).hasSize(1);
    }

    @Test
    void fourWritersLoseNoMetricAndReadersFollowingByCursorSeeEachOnceInWriterOrder() throws Exception {
        int writers = 4;
        int readers = 3;
        int perWriter = 10_000;
        int total = writers * perWriter;
        threads = Executors.newFixedThreadPool(writers + readers);
        CountDownLatch go = new CountDownLatch(1);

        List<Future<?>> writes = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            writes.add(threads.submit(() -> {
                go.await();
                for (int seq = 0; seq < perWriter; seq++) {
                    bridge.metric(Map.of("writer", writer, "seq", seq));
                }
                return null;
            }));
        }
        List<Future<List<Map<String, Object>>>> reads = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            reads.add(threads.submit(() -> {
                go.await();
                List<Map<String, Object>> seen = new ArrayList<>();
                int cursor = 0;
                while (cursor < total) {
                    MetricsPage page = bridge.metrics(cursor);
                    seen.addAll(page.metrics());
                    cursor = page.newCursor();
                    Thread.onSpinWait();
                }
                return seen;
            }));
        }
        go.countDown();

        for (Future<?> write : writes) {
            write.get(20, TimeUnit.SECONDS);
        }
        assertThat(bridge.metrics(0).metrics()).hasSize(total);
        assertThat(bridge.snapshot().metricsCount()).isEqualTo(total);
        assertThat(bridge.version()).isEqualTo(total);
        for (Future<List<Map<String, Object>>> read : reads) {
            assertSeenExactlyOnceInWriterOrder(read.get(20, TimeUnit.SECONDS), writers, perWriter);
        }
    }

    private static void assertSeenExactlyOnceInWriterOrder(List<Map<String, Object>> seen, int writers, int perWriter) {
        assertThat(seen).hasSize(writers * perWriter);
        int[] next = new int[writers];
        for (Map<String, Object> metric : seen) {
            int writer = (int) metric.get("writer");
            int seq = (int) metric.get("seq");
            if (seq != next[writer]) {
                throw new AssertionError("writer " + writer + ": expected seq " + next[writer] + " but saw " + seq);
            }
            next[writer]++;
        }
        assertThat(next).containsOnly(perWriter);
    }

    private void appendMetrics(int count) {
        int start = bridge.metrics(0).newCursor();
        for (int n = start; n < start + count; n++) {
            bridge.metric(Map.of("n", n));
        }
    }
}
