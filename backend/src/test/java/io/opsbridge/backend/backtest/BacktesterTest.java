package io.opsbridge.backend.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.workloads.data.DatasetStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crossover on series whose trades can be worked out by hand. */
class BacktesterTest {

    @TempDir
    Path datasets;

    @Test
    void aRiseThenAFallIsOneTradeThatKeepsPartOfTheRise() throws IOException {
        // flat at 10, up to 14, back down to 10: fast(2) crosses above slow(4) once on the way up
        write("UPDN", List.of(10.0, 10.0, 10.0, 10.0, 11.0, 12.0, 13.0, 14.0, 13.0, 12.0, 11.0, 10.0));
        Backtester backtester = new Backtester(new DatasetStore(datasets));

        BacktestResult result = backtester.run("op_1", request(List.of("UPDN"), 2, 4), new BacktestProgressBridge());

        SymbolBacktest s = result.symbols().get(0);
        assertThat(s.bars()).isEqualTo(12);
        assertThat(s.trades()).isEqualTo(1);
        // long from the close at 11 (index 4) until the fast average drops below the slow one (close 12, index 9)
        assertThat(s.totalReturn()).isEqualTo(Math.round((12.0 / 11.0 - 1) * 1e6) / 1e6);
        assertThat(s.buyAndHoldReturn()).isZero(); // 10 at the first tradable close, 10 at the last
        assertThat(result.toSummary()).containsEntry("best_symbol", "UPDN").doesNotContainKey("warnings");
    }

    @Test
    void aSteadyFallIsNeverBought() throws IOException {
        write("DOWN", IntStream.range(0, 40).mapToObj(i -> 100.0 - i).toList());

        SymbolBacktest s = new Backtester(new DatasetStore(datasets))
                .run("op_1", request(List.of("DOWN"), 3, 10), new BacktestProgressBridge()).symbols().get(0);

        assertThat(s.trades()).isZero();
        assertThat(s.totalReturn()).isZero();
        assertThat(s.buyAndHoldReturn()).isNegative();
    }

    @Test
    void tooFewBarsIsAWarningInTheSummaryNotAFailure() throws IOException {
        write("SHORT", List.of(1.0, 2.0, 3.0));

        Map<String, Object> summary = new Backtester(new DatasetStore(datasets))
                .run("op_1", request(List.of("SHORT"), 2, 4), new BacktestProgressBridge()).toSummary();

        assertThat(summary.get("warnings").toString()).contains("SHORT: 3 bars");
    }

    @Test
    void aDatasetThatWasNeverLoadedIsRefusedNamingTheField() {
        Backtester backtester = new Backtester(new DatasetStore(datasets));

        assertThatThrownBy(() -> backtester.validate(request(List.of("NOPE"), 2, 4)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("NOPE 1h was never loaded");
        assertThatThrownBy(() -> backtester.validateParameters(request(List.of("NOPE"), 5, 5)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("above fast_window");
    }

    private static BacktestRequest request(List<String> symbols, int fast, int slow) {
        return new BacktestRequest(symbols, "1h", fast, slow, 0, "local");
    }

    private void write(String symbol, List<Double> closes) throws IOException {
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        String rows = IntStream.range(0, closes.size()).mapToObj(i -> {
            double c = closes.get(i);
            return t0.plusSeconds(3600L * i) + "," + c + "," + c + "," + c + "," + c + ",100";
        }).collect(Collectors.joining("\n", "timestamp,open,high,low,close,volume\n", "\n"));
        Files.writeString(datasets.resolve(symbol + "_1h.csv"), rows);
    }
}
