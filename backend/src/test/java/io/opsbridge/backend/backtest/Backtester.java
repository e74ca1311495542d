package io.opsbridge.backend.backtest;

import io.opsbridge.core.bridge.OperationCancelledException;
import io.opsbridge.workloads.data.DatasetStore;
import io.opsbridge.workloads.training.OhlcvBar;
import io.opsbridge.workloads.training.OhlcvCsvReader;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Replays a moving-average crossover over the datasets a data load wrote, on the caller's thread:
 * long from the close where the fast average is above the slow one, flat from the close where it is
 * not. Deterministic: the same bars give the same trades and returns.
 *
 * <pre>{@code
 * BacktestRequest valid = backtester.validate(request);   // 400 on a bad field or a missing dataset
 * BacktestResult result = backtester.run(operationId, valid, new BacktestProgressBridge());
 * }</pre>
 */
public class Backtester {

    private static final Logger LOG = Logger.getLogger(Backtester.class);

    private final OhlcvCsvReader bars;
    private final BacktestRequestValidator validator;

    public Backtester(DatasetStore datasets) {
        this.bars = new OhlcvCsvReader(datasets.dir());
        this.validator = new BacktestRequestValidator(datasets);
    }

    /** @see BacktestRequestValidator#validate */
    public BacktestRequest validate(BacktestRequest request) {
        return validator.validate(request);
    }

    /** @see BacktestRequestValidator#validateParameters */
    public BacktestRequest validateParameters(BacktestRequest request) {
        return validator.validateParameters(request);
    }

    /**
     * Replays every symbol of the request in turn, reporting each to the bridge.
     *
     * @throws OperationCancelledException if the operation was cancelled meanwhile
     */
    public BacktestResult run(String operationId, BacktestRequest request, BacktestProgressBridge bridge) {
        BacktestRequest r = validator.validate(request);
        List<SymbolBacktest> done = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int total = r.symbols().size();
        for (int i = 0; i < total; i++) {
            String symbol = r.symbols().get(i);
            bridge.onSymbolStarted(symbol, i + 1, total);
            List<Double> closes = bars.read(symbol, r.timeframe()).stream().map(OhlcvBar::close).toList();
            if (closes.size() <= r.slowWindow()) {
                warnings.add(symbol + ": " + closes.size() + " bars, not more than slow_window " + r.slowWindow()
                        + ": never traded");
            }
            SymbolBacktest result = replay(symbol, closes, r.fastWindow(), r.slowWindow());
            done.add(result);
            bridge.onSymbolDone(result, i + 1, total);
            pause(r.paceMs());
        }
        bridge.onCompleted("Backtested " + total + " symbols");
        LOG.infof("operation %s: backtested %s", operationId, r.symbols());
        return new BacktestResult(r.fastWindow(), r.slowWindow(), done, warnings);
    }

    /**
     * The crossover over one series of closes. At each close from the first one with a slow average,
     * a held position earns the move since the previous close, then the averages decide the position
     * until the next close (no look-ahead). A trade is one entry.
     */
    static SymbolBacktest replay(String symbol, List<Double> closes, int fast, int slow) {
        if (closes.size() <= slow) {
            return new SymbolBacktest(symbol, closes.size(), 0, 0.0, 0.0);
        }
        double fastSum = 0;
        double slowSum = 0;
        double equity = 1.0;
        boolean holding = false;
        int trades = 0;
        for (int i = 0; i < closes.size(); i++) {
            double close = closes.get(i);
            fastSum += close - (i >= fast ? closes.get(i - fast) : 0);
            slowSum += close - (i >= slow ? closes.get(i - slow) : 0);
            if (i < slow - 1) {
                continue;
            }
            if (holding) {
                equity *= close / closes.get(i - 1);
            }
            boolean above = fastSum / fast > slowSum / slow;
            if (above && !holding) {
                trades++;
            }
            holding = above;
        }
        double buyAndHold = closes.get(closes.size() - 1) / closes.get(slow - 1) - 1;
        return new SymbolBacktest(symbol, closes.size(), trades, round(equity - 1), round(buyAndHold));
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    /** The replay pace between symbols; a cancel meanwhile is seen at the next report. */
    private static void pause(int millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCancelledException();
        }
    }
}
