package io.opsbridge.workloads.data;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.workloads.training.Timeframes;
import java.util.List;
import java.util.Map;
import io.opsbridge.workloads.training.Names;

/**
 * Checks a {@link DataLoadRequest} before any work starts, so a client's mistake is a 400 naming the
 * field rather than a failed operation later.
 */
public class DataLoadRequestValidator {

    static final int MAX_SYMBOLS = 100;

    private final Map<String, MarketDataSource> sources;

    public DataLoadRequestValidator(Map<String, MarketDataSource> sources) {
        this.sources = sources;
    }

    /**
     * Checks every field and that this process's source has each symbol; returns the request with defaults.
     *
     * @throws InvalidRequestException naming the first field that is wrong
     */
    public DataLoadRequest validate(DataLoadRequest request) {
        DataLoadRequest r = validateParameters(request);
        MarketDataSource source = sources.get(r.source());
        for (String symbol : r.symbols()) {
            require(source.has(symbol, r.timeframe()), "symbols", "source '" + r.source() + "' has no data for "
                    + symbol + " at " + r.timeframe() + describe(source, symbol, r.timeframe()));
        }
        return r;
    }

    /**
     * Checks every field but not the source's files, for a process that forwards the request to a
     * host whose source it cannot see; returns the request with defaults applied.
     */
    public DataLoadRequest validateParameters(DataLoadRequest request) {
        if (request == null) {
            throw new InvalidRequestException("body", "a data load request is required");
        }
        DataLoadRequest r = request.withDefaults();
        Names.requireSymbols("symbols", r.symbols(), MAX_SYMBOLS);
        Timeframes.require("timeframe", r.timeframe());
        require(sources.containsKey(r.source()), "source",
                "must be one of " + sources.keySet().stream().sorted().toList() + ", was '" + r.source() + "'");
        require(DataLoadRequest.MODE_LOCAL.equals(r.mode()) || DataLoadRequest.MODE_HOST.equals(r.mode()),
                "mode", "must be 'local' or 'host', was '" + r.mode() + "'");
        DateRange range = range(r);
        require(!range.isEmpty(), "end_date", "must not be before start_date");
        return r;
    }

    /** The request's date range; the request must have passed {@link #validateParameters}. */
    public static DateRange range(DataLoadRequest r) {
        DateRange start;
        try {
            start = DateRange.parse(r.startDate(), null);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("start_date", e.getMessage());
        }
        try {
            return new DateRange(start.from(), DateRange.parse(null, r.endDate()).until());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("end_date", e.getMessage());
        }
    }

    private static String describe(MarketDataSource source, String symbol, String timeframe) {
        if (!(source instanceof CsvDirectorySource csv)) {
            return "";
        }
        List<String> files = csv.files();
        return " (expected " + csv.file(symbol, timeframe) + "; the directory has "
                + (files.isEmpty() ? "no files" : files.size() > 10 ? files.size() + " files" : String.join(", ", files))
                + "); drop the export there, or use source 'sample' for synthetic data (GET /api/v1/data/sources lists what each source has)";
    }

    private static void require(boolean ok, String field, String detail) {
        if (!ok) {
            throw new InvalidRequestException(field, detail);
        }
    }
}
