package io.opsbridge.backend.backtest;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.workloads.data.DatasetStore;
import io.opsbridge.workloads.training.Names;
import io.opsbridge.workloads.training.Timeframes;

/**
 * Checks a {@link BacktestRequest} before any work starts, so a client's mistake is a 400 naming the
 * field rather than a failed operation later. Two levels, as for data loads: the fields only (what
 * holds wherever it runs) and the fields plus this process's datasets.
 */
public class BacktestRequestValidator {

    static final int MAX_SYMBOLS = 20;
    static final int MAX_WINDOW = 500;
    static final int MAX_PACE_MS = 2000;

    private final DatasetStore datasets;

    public BacktestRequestValidator(DatasetStore datasets) {
        this.datasets = datasets;
    }

    /**
     * Every field, and that each symbol's dataset was loaded here; returns the request with defaults.
     *
     * @throws InvalidRequestException naming the first field that is wrong
     */
    public BacktestRequest validate(BacktestRequest request) {
        BacktestRequest r = validateParameters(request);
        for (String symbol : r.symbols()) {
            require(datasets.exists(symbol, r.timeframe()), "symbols", "dataset " + symbol + " " + r.timeframe()
                    + " was never loaded; load it first (POST /api/v1/data/loads)");
        }
        return r;
    }

    /** Every field but not the datasets, for a process that forwards the request to a host. */
    public BacktestRequest validateParameters(BacktestRequest request) {
        if (request == null) {
            throw new InvalidRequestException("body", "a backtest request is required");
        }
        BacktestRequest r = request.withDefaults();
        Names.requireSymbols("symbols", r.symbols(), MAX_SYMBOLS);
        Timeframes.require("timeframe", r.timeframe());
        require(r.fastWindow() >= 1, "fast_window", "must be at least 1, was " + r.fastWindow());
        require(r.slowWindow() > r.fastWindow() && r.slowWindow() <= MAX_WINDOW, "slow_window",
                "must be above fast_window (" + r.fastWindow() + ") and at most " + MAX_WINDOW + ", was " + r.slowWindow());
        require(r.paceMs() >= 0 && r.paceMs() <= MAX_PACE_MS, "pace_ms",
                "must be between 0 and " + MAX_PACE_MS + ", was " + r.paceMs());
        require(BacktestRequest.MODE_LOCAL.equals(r.mode()) || BacktestRequest.MODE_HOST.equals(r.mode()),
                "mode", "must be 'local' or 'host', was '" + r.mode() + "'");
        return r;
    }

    private static void require(boolean ok, String field, String detail) {
        if (!ok) {
            throw new InvalidRequestException(field, detail);
        }
    }
}
