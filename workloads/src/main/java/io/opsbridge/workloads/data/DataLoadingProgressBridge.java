package io.opsbridge.workloads.data;

import io.opsbridge.core.bridge.ProgressBridge;
import io.opsbridge.core.bridge.ProgressWriter;
import io.opsbridge.core.logs.JobLog;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The progress of one data load, written by its worker and pulled by readers, symbol by symbol.
 *
 * <p>The loader calls, per symbol: {@link #onSymbolStarted}, {@link #onSymbolProgress} every chunk
 * of rows (not every row), {@link #onValidation} for what validation found, then
 * {@link #onSymbolCompleted} or {@link #onSymbolFailed}; finally {@link #onCompleted}.
 * The percentage is {@code (symbols done + fraction of the current one) / symbols * 100}: it never
 * decreases and reaches 100 only at {@link #onCompleted}. {@code items_processed} counts rows
 * loaded, cumulative over the symbols. Each finished symbol appends one metric:
 * {@code symbol, status, rows_loaded, rows_rejected, duration_ms, validation_ms, issues_found}.
 *
 * <p>Only the worker may call the {@code on*} methods; every call throws
 * {@link io.opsbridge.core.bridge.OperationCancelledException} once the operation was cancelled.
 */
public class DataLoadingProgressBridge extends ProgressBridge {

    /** The fraction of a symbol its row count may claim before the symbol is done. */
    static final double SYMBOL_CEILING = 0.99;

    private int total;
    private int index;
    private String symbol;
    private long rowsBefore;
    private long rowsDone;
    private double percentage;

    // onSymbolProgress runs once per chunk: it hands its values over through fields, not a new lambda.
    private long pendingRows;
    private long pendingEstimate;
    private final Consumer<ProgressWriter> progressWriter = this::writeProgress;

    /** Announces the symbol about to load ({@code index} counts from 1 to {@code total}). */
    public void onSymbolStarted(String symbol, int index, int total) {
        if (index < 1 || index > total) {
            throw new IllegalArgumentException("index must be between 1 and " + total + ", was " + index);
        }
        this.symbol = symbol;
        this.index = index;
        this.total = total;
        this.rowsBefore = rowsDone;
        double pct = percentage(0);
        percentage = pct;
        String step = "Loading " + symbol + " (" + index + "/" + total + ")";
        long rows = rowsDone;
        updateState(w -> w.currentStep(step).currentItem(symbol).steps(index - 1, total).percentage(pct)
                .items(rows, 0).message(step).context("symbol_rows_loaded", 0L).context("symbol_rows_estimate", null));
        JobLog.info(step);
    }

    /** Rows of the current symbol loaded so far, of about {@code rowsEstimate} (0 if unknown). */
    public void onSymbolProgress(String symbol, long rowsLoaded, long rowsEstimate) {
        requireCurrent(symbol);
        double fraction = rowsEstimate > 0 ? Math.min(SYMBOL_CEILING, (double) rowsLoaded / rowsEstimate) : 0;
        percentage = Math.max(percentage, percentage(fraction));
        rowsDone = rowsBefore + rowsLoaded;
        pendingRows = rowsLoaded;
        pendingEstimate = rowsEstimate;
        updateState(progressWriter);
    }

    /** What validation found for the current symbol, e.g. step {@code rejected_rows}. */
    public void onValidation(String step, String message) {
        updateState(w -> w.message(message).context("validation_step", step));
        JobLog.info(message);
    }

    /** The current symbol is in its dataset; appends its metric (no validation details). */
    public void onSymbolCompleted(String symbol, long rowsLoaded, Duration duration) {
        onSymbolCompleted(SymbolLoad.loaded(symbol, rowsLoaded, 0, duration.toMillis(), 0, 0));
    }

    /** The current symbol is in its dataset; appends its metric. */
    public void onSymbolCompleted(SymbolLoad load) {
        requireCurrent(load.symbol());
        String message = "Loaded " + load.symbol() + ": " + load.rowsLoaded() + " rows ("
                + load.rowsRejected() + " rejected) in " + load.durationMs() + " ms";
        finishSymbol(load, message);
        JobLog.info(message);
    }

    /** The current symbol could not be loaded (its previous dataset, if any, is unchanged); appends its metric. */
    public void onSymbolFailed(SymbolLoad load) {
        requireCurrent(load.symbol());
        String message = "Failed " + load.symbol() + ": " + load.error();
        finishSymbol(load, message);
        JobLog.warn(message);
    }

    /** Every symbol is done: percentage 100. */
    public void onCompleted(String message) {
        percentage = 100.0;
        int steps = total;
        updateState(w -> w.percentage(100.0).steps(steps, steps).message(message).currentItem(null));
        JobLog.info(message);
    }

    private void finishSymbol(SymbolLoad load, String message) {
        rowsDone = rowsBefore + load.rowsLoaded();
        percentage = Math.max(percentage, Math.min(99.0, 100.0 * index / total));
        double pct = percentage;
        long rows = rowsDone;
        int done = index;
        int steps = total;
        Map<String, Object> metric = new LinkedHashMap<>(10);
        metric.put("symbol", load.symbol());
        metric.put("status", load.status());
        metric.put("rows_loaded", load.rowsLoaded());
        metric.put("rows_rejected", load.rowsRejected());
        metric.put("duration_ms", load.durationMs());
        metric.put("validation_ms", load.validationMs());
        metric.put("issues_found", load.issuesFound());
        if (load.error() != null) {
            metric.put("error", load.error());
        }
        appendMetricAndUpdateState(Collections.unmodifiableMap(metric), w -> w.percentage(pct).items(rows, 0)
                .steps(done, steps).message(message).context("symbol_rows_loaded", load.rowsLoaded()));
    }

    private void writeProgress(ProgressWriter w) {
        w.percentage(percentage).items(rowsDone, 0)
                .context("symbol_rows_loaded", pendingRows)
                .context("symbol_rows_estimate", pendingEstimate > 0 ? pendingEstimate : null);
    }

    private double percentage(double fractionOfCurrent) {
        return Math.min(99.0, 100.0 * (index - 1 + fractionOfCurrent) / total);
    }

    private void requireCurrent(String s) {
        if (symbol == null || !symbol.equals(s)) {
            throw new IllegalStateException("onSymbolStarted(" + s + ", ...) must come first");
        }
    }
}
