package io.opsbridge.backend.signals;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.backend.models.ModelsConfig;
import io.opsbridge.backend.models.registry.ModelRegistry;
import io.opsbridge.backend.models.serving.ModelLease;
import io.opsbridge.core.monitoring.Monitoring;
import io.opsbridge.workloads.training.DirectionPredictor;
import io.opsbridge.workloads.training.FeatureExtractor;
import io.opsbridge.workloads.training.ModelDescriptor;
import io.opsbridge.workloads.training.Names;
import io.opsbridge.workloads.training.OhlcvBar;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates trading signals with the strategy's serving model: for each symbol, the features of
 * its newest bar (up to {@code as_of_date}) go through the model; symbols are ranked by
 * {@code p(up) - p(down)} and the top and bottom ranks get target weights.
 *
 * <p>The whole answer comes from one model: it is leased once per request, so a reload meanwhile
 * changes nothing about this answer, and {@code metadata.model_version} names that model.
 */
@ApplicationScoped
public class SignalService {

    static final int MAX_SYMBOLS = 500;

    private final ModelRegistry registry;
    private final MarketDataCache data;
    private final ModelsConfig config;

    public SignalService(ModelRegistry registry, MarketDataCache data, ModelsConfig config) {
        this.registry = registry;
        this.data = data;
        this.config = config;
    }

    /**
     * @throws InvalidRequestException      bad input, naming the field (400)
     * @throws io.opsbridge.backend.models.NoModelLoadedException no model serves the strategy (503)
     * @throws MissingMarketDataException   a symbol has no (or too little) data (404)
     */
    public SignalResponse generate(SignalRequest request) {
        long started = System.nanoTime();
        Valid r = validate(request);
        try (ModelLease lease = registry.lease(r.strategy)) {
            DirectionPredictor predictor = lease.predictor();
            ModelDescriptor descriptor = predictor.descriptor();
            FeatureExtractor extractor = new FeatureExtractor(descriptor.flatThreshold());
            List<String> classes = descriptor.labelClasses();
            List<Scored> scored = new ArrayList<>(r.symbols.size());
            Instant newest = Instant.EPOCH;
            for (String symbol : r.symbols) {
                List<OhlcvBar> bars = barsUpTo(symbol, descriptor.timeframe(), r.asOf);
                if (bars.size() < FeatureExtractor.WARMUP + 1) {
                    throw new MissingMarketDataException("not enough data for " + symbol + " at " + descriptor.timeframe()
                            + (r.asOf == null ? "" : " up to " + r.asOf) + ": need " + (FeatureExtractor.WARMUP + 1)
                            + " bars, have " + bars.size());
                }
                Instant last = bars.get(bars.size() - 1).timestamp();
                newest = last.isAfter(newest) ? last : newest;
                scored.add(new Scored(symbol, predictor.predict(extractor.latest(bars))));
            }
            List<Signal> signals = rank(scored, classes, r.topN, r.bottomN);
            String asOf = r.asOf != null ? r.asOf.toString() : newest.atZone(ZoneOffset.UTC).toLocalDate().toString();
            Monitoring.monitor().signalsServed(r.strategy, lease.version().version(), System.nanoTime() - started);
            return new SignalResponse(signals, new SignalResponse.Metadata(asOf, lease.version().version(), r.strategy,
                    signals.size(), Instant.now(), descriptor.timeframe()));
        }
    }

    private List<OhlcvBar> barsUpTo(String symbol, String timeframe, LocalDate asOf) {
        List<OhlcvBar> bars = data.bars(symbol, timeframe);
        if (asOf == null) {
            return bars;
        }
        Instant end = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        int lo = 0;
        int hi = bars.size();
        while (lo < hi) { // first bar at or after the end of the day
            int mid = (lo + hi) >>> 1;
            if (bars.get(mid).timestamp().isBefore(end)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return bars.subList(0, lo);
    }

    private static List<Signal> rank(List<Scored> scored, List<String> classes, int topN, int bottomN) {
        int up = classes.indexOf("up");
        int down = classes.indexOf("down");
        List<Scored> ordered = new ArrayList<>(scored);
        ordered.sort(Comparator.comparingDouble((Scored s) -> -s.score(up, down)));
        List<Signal> signals = new ArrayList<>(ordered.size());
        int n = ordered.size();
        for (int i = 0; i < n; i++) {
            Scored s = ordered.get(i);
            double weight = i < topN ? 1.0 / topN : (i >= n - bottomN ? -1.0 / bottomN : 0.0);
            Map<String, Double> probabilities = new LinkedHashMap<>();
            int best = 0;
            for (int c = 0; c < classes.size(); c++) {
                probabilities.put(classes.get(c), (double) s.probabilities[c]);
                best = s.probabilities[c] > s.probabilities[best] ? c : best;
            }
            signals.add(new Signal(s.symbol, classes.get(best), probabilities, s.score(up, down), i + 1, weight));
        }
        return signals;
    }

    private Valid validate(SignalRequest request) {
        if (request == null) {
            throw new InvalidRequestException("body", "a signal request is required");
        }
        if (request.symbols() == null || request.symbols().isEmpty()) {
            throw new InvalidRequestException("symbols", "at least one symbol is required");
        }
        List<String> symbols = new ArrayList<>();
        for (String raw : request.symbols()) {
            String symbol = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
            Names.requireSymbol("symbols", symbol);
            if (!symbols.contains(symbol)) {
                symbols.add(symbol);
            }
        }
        if (symbols.size() > MAX_SYMBOLS) {
            throw new InvalidRequestException("symbols", "at most " + MAX_SYMBOLS + " symbols");
        }
        LocalDate asOf = null;
        if (request.asOfDate() != null && !request.asOfDate().isBlank()) {
            try {
                asOf = LocalDate.parse(request.asOfDate().trim());
            } catch (DateTimeException e) {
                throw new InvalidRequestException("as_of_date", "must be an ISO date like 2024-03-01, was '"
                        + request.asOfDate() + "'");
            }
        }
        if (asOf != null && (asOf.getYear() < 1900 || asOf.getYear() > 9999)) {
            throw new InvalidRequestException("as_of_date", "must be a date between 1900-01-01 and 9999-12-31, was '"
                    + request.asOfDate() + "'");
        }
        int topN = request.topN() == null ? Math.min(1, symbols.size()) : request.topN();
        int bottomN = request.bottomN() == null ? 0 : request.bottomN();
        if (topN < 0) {
            throw new InvalidRequestException("top_n", "must not be negative, was " + topN);
        }
        if (bottomN < 0) {
            throw new InvalidRequestException("bottom_n", "must not be negative, was " + bottomN);
        }
        if (topN + bottomN > symbols.size()) {
            throw new InvalidRequestException("top_n", "top_n + bottom_n (" + (topN + bottomN)
                    + ") must not exceed the number of symbols (" + symbols.size() + ")");
        }
        String strategy = request.strategy() == null || request.strategy().isBlank()
                ? config.strategy() : request.strategy().trim();
        Names.requireStrategy("strategy", strategy);
        return new Valid(List.copyOf(symbols), asOf, topN, bottomN, strategy);
    }

    private record Valid(List<String> symbols, LocalDate asOf, int topN, int bottomN, String strategy) {
    }

    private record Scored(String symbol, float[] probabilities) {
        double score(int up, int down) {
            return probabilities[up] - probabilities[down];
        }
    }
}
