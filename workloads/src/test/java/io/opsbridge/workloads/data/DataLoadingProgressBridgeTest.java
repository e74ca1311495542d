package io.opsbridge.workloads.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.core.bridge.OperationCancelledException;
import io.opsbridge.core.bridge.ProgressSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What readers see while three symbols load. */
class DataLoadingProgressBridgeTest {

    private final DataLoadingProgressBridge bridge = new DataLoadingProgressBridge();
    private final List<ProgressSnapshot> seen = new ArrayList<>();

    @Test
    void threeSymbolsGiveAMonotonicPercentageAndOneStepPerSymbol() {
        for (int i = 1; i <= 3; i++) {
            String symbol = List.of("AAPL", "MSFT", "GOOG").get(i - 1);
            bridge.onSymbolStarted(symbol, i, 3);
            see();
            bridge.onSymbolProgress(symbol, 50, 100);
            see();
            bridge.onSymbolProgress(symbol, 100, 100);
            see();
            bridge.onSymbolCompleted(symbol, 100, Duration.ofMillis(5));
            see();
        }
        bridge.onCompleted("done");
        see();

        assertThat(seen).extracting(ProgressSnapshot::percentage).containsExactly(
                0.0, 50 / 3.0, 99 / 3.0, 100 / 3.0,
                100 / 3.0, 150 / 3.0, 199 / 3.0, 200 / 3.0,
                200 / 3.0, 250 / 3.0, 99.0, 99.0, // below 100 until the load is complete
                100.0);
        assertThat(seen).extracting(ProgressSnapshot::currentStep).containsSequence(
                "Loading AAPL (1/3)", "Loading AAPL (1/3)", "Loading AAPL (1/3)", "Loading AAPL (1/3)",
                "Loading MSFT (2/3)");
        assertThat(seen.get(11).currentStep()).isEqualTo("Loading GOOG (3/3)");
        assertThat(seen).extracting(ProgressSnapshot::itemsProcessed)
                .containsExactly(0L, 50L, 100L, 100L, 100L, 150L, 200L, 200L, 200L, 250L, 300L, 300L, 300L);
        assertThat(seen.get(5).currentItem()).isEqualTo("MSFT");
        assertThat(seen.get(12).stepsCompleted()).isEqualTo(3);
    }

    @Test
    void eachSymbolAppendsOneMetricReadOnceByCursor() {
        bridge.onSymbolStarted("AAPL", 1, 2);
        bridge.onSymbolCompleted(new SymbolLoad("AAPL", "loaded", 10, 2, 0, java.util.Map.of(), List.of(), 1, 3, null,
                null, 7, 1, null, null));
        bridge.onSymbolStarted("MSFT", 2, 2);
        bridge.onSymbolFailed(SymbolLoad.failed("MSFT", 3, "MSFT_1h.csv line 2: not a number"));

        var first = bridge.metrics(0);
        assertThat(first.metrics()).hasSize(2);
        assertThat(first.metrics().get(0)).containsEntry("symbol", "AAPL").containsEntry("rows_loaded", 10L)
                .containsEntry("duration_ms", 7L).containsEntry("validation_ms", 1L).containsEntry("issues_found", 3L);
        assertThat(first.metrics().get(1)).containsEntry("status", "failed")
                .containsEntry("error", "MSFT_1h.csv line 2: not a number");
        assertThat(bridge.metrics(first.newCursor()).metrics()).isEmpty();
    }

    @Test
    void progressWithoutAnEstimateDoesNotMoveThePercentageAndCancelStopsTheWorker() {
        bridge.onSymbolStarted("AAPL", 2, 4);
        bridge.onSymbolProgress("AAPL", 10, 0);
        assertThat(bridge.snapshot().percentage()).isEqualTo(25.0);
        assertThat(bridge.snapshot().itemsProcessed()).isEqualTo(10);

        bridge.requestCancel();
        assertThatThrownBy(() -> bridge.onSymbolProgress("AAPL", 20, 0)).isInstanceOf(OperationCancelledException.class);
    }

    private void see() {
        seen.add(bridge.snapshot());
    }
}
