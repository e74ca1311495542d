package io.opsbridge.backend.backtest;

import io.opsbridge.core.bridge.ProgressBridge;
import java.util.Map;

/**
 * The progress of one backtest, written by its worker and pulled by readers, symbol by symbol: the
 * backtester calls {@link #onSymbolStarted}, then {@link #onSymbolDone} for each symbol, and
 * {@link #onCompleted} at the end. The percentage is {@code symbols done / symbols * 100}: it never
 * decreases and reaches 100 only at {@link #onCompleted}. Each finished symbol appends one metric:
 * {@code symbol, bars, trades, total_return, buy_and_hold_return}.
 *
 * <p>Only the worker calls the {@code on*} methods; each throws
 * {@link io.opsbridge.core.bridge.OperationCancelledException} once the operation was cancelled.
 */
public class BacktestProgressBridge extends ProgressBridge {

    private double percentage;

    /** The symbol about to be replayed ({@code index} counts from 1 to {@code total}). */
    public void onSymbolStarted(String symbol, int index, int total) {
        double pct = Math.max(percentage, 100.0 * (index - 1) / total);
        percentage = pct;
        String step = "Backtesting " + symbol + " (" + index + "/" + total + ")";
        updateState(w -> w.currentStep(step).currentItem(symbol).steps(index - 1, total).percentage(pct).message(step));
    }

    /** The symbol's replay is over: one metric with its outcome. */
    public void onSymbolDone(SymbolBacktest done, int index, int total) {
        double pct = Math.max(percentage, Math.min(99.0, 100.0 * index / total));
        percentage = pct;
        Map<String, Object> metric = Map.of("symbol", done.symbol(), "bars", done.bars(), "trades", done.trades(),
                "total_return", done.totalReturn(), "buy_and_hold_return", done.buyAndHoldReturn());
        appendMetricAndUpdateState(metric, w -> w.steps(index, total).percentage(pct)
                .message(done.symbol() + ": " + done.trades() + " trades, return " + done.totalReturn()));
    }

    /** Every symbol is done: percentage 100. */
    public void onCompleted(String message) {
        percentage = 100.0;
        updateState(w -> w.percentage(100.0).currentItem(null).message(message));
    }
}
