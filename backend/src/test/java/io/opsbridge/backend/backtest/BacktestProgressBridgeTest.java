package io.opsbridge.backend.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.core.bridge.OperationCancelledException;
import io.opsbridge.core.bridge.ProgressSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What readers see while three symbols are backtested. */
class BacktestProgressBridgeTest {

    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "GOOG");

    private final BacktestProgressBridge bridge = new BacktestProgressBridge();
    private final List<ProgressSnapshot> seen = new ArrayList<>();

    @Test
    void thePercentageNeverDecreasesAndReaches100OnlyAtTheEnd() {
        for (int i = 1; i <= 3; i++) {
            bridge.onSymbolStarted(SYMBOLS.get(i - 1), i, 3);
            seen.add(bridge.snapshot());
            bridge.onSymbolDone(result(SYMBOLS.get(i - 1)), i, 3);
            seen.add(bridge.snapshot());
        }
        bridge.onCompleted("Backtested 3 symbols");
        seen.add(bridge.snapshot());

        assertThat(seen).extracting(ProgressSnapshot::percentage)
                .containsExactly(0.0, 100 / 3.0, 100 / 3.0, 200 / 3.0, 200 / 3.0, 99.0, 100.0)
                .isSorted();
        assertThat(seen.get(2).currentStep()).isEqualTo("Backtesting MSFT (2/3)");
        assertThat(seen.get(5).stepsCompleted()).isEqualTo(3);
    }

    @Test
    void eachSymbolAppendsOneMetricReadOnceByCursor() {
        bridge.onSymbolStarted("AAPL", 1, 2);
        bridge.onSymbolDone(new SymbolBacktest("AAPL", 500, 7, 0.0123, -0.02), 1, 2);
        bridge.onSymbolStarted("MSFT", 2, 2);
        bridge.onSymbolDone(result("MSFT"), 2, 2);

        var page = bridge.metrics(0);
        assertThat(page.metrics()).extracting(m -> m.get("symbol")).containsExactly("AAPL", "MSFT");
        assertThat(page.metrics().get(0)).containsEntry("bars", 500).containsEntry("trades", 7)
                .containsEntry("total_return", 0.0123).containsEntry("buy_and_hold_return", -0.02);
        assertThat(bridge.metrics(page.newCursor()).metrics()).isEmpty();
    }

    @Test
    void everyEventAfterACancelThrowsSoTheJobStops() {
        bridge.onSymbolStarted("AAPL", 1, 2);
        bridge.requestCancel();

        assertThatThrownBy(() -> bridge.onSymbolDone(result("AAPL"), 1, 2)).isInstanceOf(OperationCancelledException.class);
        assertThatThrownBy(() -> bridge.onSymbolStarted("MSFT", 2, 2)).isInstanceOf(OperationCancelledException.class);
        assertThatThrownBy(() -> bridge.onCompleted("done")).isInstanceOf(OperationCancelledException.class);
        assertThat(bridge.metrics(0).metrics()).isEmpty();
    }

    private static SymbolBacktest result(String symbol) {
        return new SymbolBacktest(symbol, 100, 1, 0.01, 0.02);
    }
}
