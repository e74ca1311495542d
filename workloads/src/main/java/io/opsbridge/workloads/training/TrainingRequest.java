package io.opsbridge.workloads.training;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.opsbridge.core.hosts.WorkRequest;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a client asks to train, as it arrives on the wire (snake_case JSON); any field may be
 * missing. {@link #withDefaults()} fills the gaps, {@link TrainingRequestValidator} checks the rest.
 *
 * <pre>{@code
 * {"symbols": ["AAPL", "MSFT"], "timeframe": "1h", "epochs": 10, "batch_size": 64}
 * }</pre>
 *
 * @param seed         seeds weight initialisation and shuffling; when missing, one is drawn as the operation
 *                     is created ({@link #reproducible}) and recorded in its parameters
 * @param autoActivate whether the new model becomes active; {@code null} leaves it to the registry
 * @param newStrategy  {@code true} to train a strategy the server does not know yet; without it an
 *                     unknown {@code strategy} is refused (a typo must not register a new strategy)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainingRequest(
        String strategy,
        List<String> symbols,
        String timeframe,
        Integer epochs,
        Integer batchSize,
        Double learningRate,
        Double validationSplit,
        String mode,
        Long seed,
        Boolean autoActivate,
        Boolean newStrategy) implements WorkRequest {

    public static final String DEFAULT_STRATEGY = "mlp_direction";
    public static final String DEFAULT_TIMEFRAME = "1h";
    public static final int DEFAULT_EPOCHS = 10;
    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_VALIDATION_SPLIT = 0.2;
    /** Drawn seeds are below 2^53, so a JSON client reading them as doubles (JavaScript) keeps them exact. */
    static final long MAX_DRAWN_SEED = (1L << 53) - 1;

    /** A request for these symbols with every other field at its default. */
    public static TrainingRequest of(List<String> symbols, String timeframe, int epochs) {
        return new TrainingRequest(null, symbols, timeframe, epochs, null, null, null, null, null, null, null)
                .withDefaults();
    }

    /**
     * A copy with every missing field at its default; symbols trimmed, upper-cased and without
     * duplicates. {@code seed} and {@code autoActivate} stay as given (they are optional).
     */
    public TrainingRequest withDefaults() {
        List<String> cleanSymbols = symbols == null ? List.of() : symbols.stream()
                .map(s -> s == null ? "" : s.trim().toUpperCase(Locale.ROOT))
                .distinct()
                .toList();
        return new TrainingRequest(
                orDefault(strategy, DEFAULT_STRATEGY),
                cleanSymbols,
                orDefault(timeframe, DEFAULT_TIMEFRAME),
                Objects.requireNonNullElse(epochs, DEFAULT_EPOCHS),
                Objects.requireNonNullElse(batchSize, DEFAULT_BATCH_SIZE),
                Objects.requireNonNullElse(learningRate, DEFAULT_LEARNING_RATE),
                Objects.requireNonNullElse(validationSplit, DEFAULT_VALIDATION_SPLIT),
                orDefault(mode, MODE_LOCAL).toLowerCase(Locale.ROOT),
                seed,
                autoActivate,
                newStrategy);
    }

    /** A copy with another mode ({@code local} or {@code host}). */
    @Override
    public TrainingRequest withMode(String newMode) {
        return new TrainingRequest(strategy, symbols, timeframe, epochs, batchSize, learningRate,
                validationSplit, newMode, seed, autoActivate, newStrategy);
    }

    /** The training parameters as an operation's {@code metadata.parameters} shows them (snake_case keys). */
    @Override
    public Map<String, Object> toParameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("strategy", strategy);
        parameters.put("epochs", epochs);
        parameters.put("batch_size", batchSize);
        parameters.put("learning_rate", learningRate);
        parameters.put("validation_split", validationSplit);
        if (seed != null) {
            parameters.put("seed", seed);
        }
        if (autoActivate != null) {
            parameters.put("auto_activate", autoActivate);
        }
        return parameters;
    }

    /** This request with a seed: its own, or one drawn now (then recorded in the operation's parameters). */
    @Override
    public TrainingRequest reproducible() {
        return seed != null ? this : withSeed(new SecureRandom().nextLong() & MAX_DRAWN_SEED);
    }

    /** A copy with another seed. */
    public TrainingRequest withSeed(Long newSeed) {
        return new TrainingRequest(strategy, symbols, timeframe, epochs, batchSize, learningRate,
                validationSplit, mode, newSeed, autoActivate, newStrategy);
    }

    /** Whether the request asks to train a strategy the server does not know yet. */
    public boolean createsStrategy() {
        return Boolean.TRUE.equals(newStrategy);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
