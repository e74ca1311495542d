package io.opsbridge.workloads.data;

import io.opsbridge.core.bridge.OperationCancelledException;
import io.opsbridge.workloads.training.Timeframes;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Loads {@code symbols × timeframe × [start, end]} from a source into the {@link DatasetStore}, on
 * the caller's thread: the one piece of code that does so, shared by the backend (local mode) and the
 * data host.
 *
 * <p>Each symbol streams through parse → validate → write: rows are never all held in memory, the
 * bridge hears of progress every {@code progressEveryRows} rows, and the dataset is replaced only
 * when the whole symbol was read (atomically; see {@link DatasetStore}). A file that cannot be
 * parsed fails that symbol with a message naming file and line, and the load goes on with the next;
 * the load fails only if no symbol could be loaded. A cancel propagates out of {@link #run} as the
 * {@link OperationCancelledException} of the next report, leaving every unfinished dataset as it was.
 *
 * <pre>{@code
 * DataLoadRequest checked = loader.validate(request);   // 400 on a bad field
 * runner.submit(info, new DataLoadingProgressBridge(), bridge -> loader.run(info.operationId(), checked, bridge).toSummary());
 * }</pre>
 */
public class DataLoader {

    private static final Logger LOG = Logger.getLogger(DataLoader.class);
    public static final int DEFAULT_PROGRESS_EVERY_ROWS = 10_000;

    private final DatasetStore store;
    private final Map<String, MarketDataSource> sources;
    private final DataLoadRequestValidator validator;
    private final int progressEveryRows;

    public DataLoader(DatasetStore store, List<MarketDataSource> sources, int progressEveryRows) {
        if (progressEveryRows <= 0) {
            throw new IllegalArgumentException("progressEveryRows must be positive");
        }
        this.store = store;
        this.sources = sources.stream().collect(Collectors.toUnmodifiableMap(MarketDataSource::name, s -> s));
        this.validator = new DataLoadRequestValidator(this.sources);
        this.progressEveryRows = progressEveryRows;
    }

    public DatasetStore store() {
        return store;
    }

    /** Every source this process can load from, by name. */
    public List<DataSourceInfo> sources() {
        return sources.values().stream().map(MarketDataSource::info)
                .sorted(java.util.Comparator.comparing(DataSourceInfo::name)).toList();
    }

    /** @see DataLoadRequestValidator#validate */
    public DataLoadRequest validate(DataLoadRequest request) {
        return validator.validate(request);
    }

    /** @see DataLoadRequestValidator#validateParameters */
    public DataLoadRequest validateParameters(DataLoadRequest request) {
        return validator.validateParameters(request);
    }

    /**
     * Loads every symbol of the request in turn.
     *
     * @throws OperationCancelledException if the operation was cancelled meanwhile
     * @throws io.opsbridge.api.InvalidRequestException if the request is invalid
     * @throws DataFileException if no symbol could be loaded (the message lists why, per symbol)
     */
    public DataLoadResult run(String operationId, DataLoadRequest request, DataLoadingProgressBridge bridge) {
        long start = System.nanoTime();
        DataLoadRequest r = validator.validate(request);
        DateRange range = DataLoadRequestValidator.range(r);
        MarketDataSource source = sources.get(r.source());
        LOG.infof("Data load %s started: %s at %s from %s", operationId, r.symbols(), r.timeframe(), source.name());
        List<SymbolLoad> loads = new ArrayList<>(r.symbols().size());
        for (int i = 0; i < r.symbols().size(); i++) {
            String symbol = r.symbols().get(i);
            bridge.onSymbolStarted(symbol, i + 1, r.symbols().size());
            SymbolLoad load = loadSymbol(operationId, symbol, r.timeframe(), range, source, bridge);
            loads.add(load);
            if (load.isLoaded()) {
                bridge.onSymbolCompleted(load);
            } else {
                LOG.warnf("Data load %s: %s failed: %s", operationId, symbol, load.error());
                bridge.onSymbolFailed(load);
            }
        }
        DataLoadResult result = new DataLoadResult(r.timeframe(), source.name(), loads,
                (System.nanoTime() - start) / 1_000_000);
        if (result.symbolsLoaded() == 0) {
            throw new DataFileException("no symbol could be loaded: " + result.failed().stream()
                    .map(SymbolLoad::error).collect(Collectors.joining("; ")));
        }
        bridge.onCompleted("Loaded " + result.symbolsLoaded() + "/" + loads.size() + " symbols, "
                + result.rowsLoaded() + " rows (" + result.rowsRejected() + " rejected)"
                + (result.failed().isEmpty() ? "" : "; failed: " + result.failed().stream()
                        .map(SymbolLoad::symbol).collect(Collectors.joining(", "))));
        LOG.infof("Data load %s completed in %d ms: %d rows, %d rejected", operationId, result.durationMs(),
                result.rowsLoaded(), result.rowsRejected());
        return result;
    }

    private SymbolLoad loadSymbol(String operationId, String symbol, String timeframe, DateRange range,
            MarketDataSource source, DataLoadingProgressBridge bridge) {
        long start = System.nanoTime();
        try (MarketDataSource.Input input = source.open(symbol, timeframe, range);
             DatasetWriter out = store.openWriter(symbol, timeframe)) {
            BarCsvParser parser = new BarCsvParser(input.name(), input.reader());
            BarValidator validator = new BarValidator(Timeframes.duration(timeframe), range);
            out.comment("opsbridge dataset " + symbol + " " + timeframe + " loaded by " + operationId + " from "
                    + input.description());
            out.header();
            long validationNanos = 0;
            long rows = 0;
            BarRow row;
            while ((row = parser.next()) != null) {
                long before = System.nanoTime();
                boolean ok = validator.accept(row);
                validationNanos += System.nanoTime() - before;
                if (ok) {
                    out.bar(row);
                }
                if (++rows % progressEveryRows == 0) {
                    bridge.onSymbolProgress(symbol, validator.accepted(), estimate(input, parser, validator));
                }
            }
            if (rows == 0) {
                throw new DataFileException(input.name() + " is empty: no bars");
            }
            if (validator.accepted() == 0) {
                throw new DataFileException(input.name() + ": none of its " + rows + " bars can be loaded ("
                        + validator.outsideRange() + " outside the date range, " + validator.rejected() + " rejected "
                        + validator.rejectedByReason() + ")");
            }
            bridge.onSymbolProgress(symbol, validator.accepted(), validator.accepted());
            bridge.onValidation("validated", symbol + ": " + validator.rejected() + " rows rejected "
                    + validator.rejectedByReason() + ", " + validator.gaps() + " gaps (" + validator.missingBars()
                    + " missing bars)");
            out.commit();
            return new SymbolLoad(symbol, SymbolLoad.LOADED, validator.accepted(), validator.rejected(),
                    validator.outsideRange(), validator.rejectedByReason(), validator.examples(), validator.gaps(),
                    validator.missingBars(), validator.first().toString(), validator.last().toString(),
                    millisSince(start), validationNanos / 1_000_000, store.file(symbol, timeframe).toString(), null);
        } catch (DataFileException | DatasetStore.DatasetBusyException | UncheckedIOException e) {
            return SymbolLoad.failed(symbol, millisSince(start), e.getMessage());
        }
    }

    /** Rows expected in the whole file, from the characters read so far (0 if unknown). */
    private static long estimate(MarketDataSource.Input input, BarCsvParser parser, BarValidator validator) {
        if (input.sizeChars() <= 0 || parser.bytesRead() == 0) {
            return 0;
        }
        long seen = validator.accepted() + validator.rejected() + validator.outsideRange();
        return Math.max(validator.accepted(), (long) ((double) seen * input.sizeChars() / parser.bytesRead()));
    }

    private static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
