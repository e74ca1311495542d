package io.opsbridge.workloads.training;

import io.opsbridge.api.InvalidRequestException;

/**
 * Checks a {@link TrainingRequest} before any work starts, so a client's mistake is a 400 naming
 * the field rather than a failed operation later.
 *
 * <pre>{@code
 * TrainingRequest ready = validator.validate(request); // defaults applied, or InvalidRequestException
 * }</pre>
 */
public class TrainingRequestValidator {

    static final int MAX_EPOCHS = 10_000;
    static final int MAX_BATCH_SIZE = 65_536;
    static final int MAX_SYMBOLS = 100;

    private final OhlcvCsvReader reader;

    public TrainingRequestValidator(OhlcvCsvReader reader) {
        this.reader = reader;
    }

    /**
     * Checks every field and that each symbol's dataset was loaded here; returns the request with defaults applied.
     *
     * @throws InvalidRequestException naming the first field that is wrong
     */
    public TrainingRequest validate(TrainingRequest request) {
        TrainingRequest r = validateParameters(request);
        for (String symbol : r.symbols()) {
            // Datasets get here only through a data load (io.opsbridge.workloads.data.DatasetStore).
            require(reader.exists(symbol, r.timeframe()), "symbols", "dataset " + symbol + " " + r.timeframe()
                    + " was never loaded (no " + OhlcvCsvReader.fileName(symbol, r.timeframe())
                    + " in the dataset store); load it first: POST /api/v1/data/loads {\"symbols\":[\"" + symbol
                    + "\"],\"timeframe\":\"" + r.timeframe() + "\"}");
        }
        return r;
    }

    /**
     * Checks every field but not the data files, for a process that forwards the request to a host
     * whose data directory it cannot see; returns the request with defaults applied.
     *
     * @throws InvalidRequestException naming the first field that is wrong
     */
    public TrainingRequest validateParameters(TrainingRequest request) {
        if (request == null) {
            throw new InvalidRequestException("body", "a training request is required");
        }
        TrainingRequest r = request.withDefaults();
        Names.requireStrategy("strategy", r.strategy());
        require(!CheckpointPlan.DIRECTORY.equals(r.strategy()), "strategy", "'" + CheckpointPlan.DIRECTORY
                + "' is reserved: the models directory keeps training checkpoints under that name");
        Timeframes.require("timeframe", r.timeframe());
        require(r.epochs() > 0 && r.epochs() <= MAX_EPOCHS, "epochs",
                "must be between 1 and " + MAX_EPOCHS + ", was " + r.epochs());
        require(r.batchSize() > 0 && r.batchSize() <= MAX_BATCH_SIZE, "batch_size",
                "must be between 1 and " + MAX_BATCH_SIZE + ", was " + r.batchSize());
        require(r.learningRate() > 0 && r.learningRate() <= 1, "learning_rate",
                "must be greater than 0 and at most 1, was " + r.learningRate());
        require(r.validationSplit() > 0 && r.validationSplit() < 1, "validation_split",
                "must be greater than 0 and less than 1, was " + r.validationSplit());
        require(TrainingRequest.MODE_LOCAL.equals(r.mode()) || TrainingRequest.MODE_HOST.equals(r.mode()),
                "mode", "must be 'local' or 'host', was '" + r.mode() + "'");
        Names.requireSymbols("symbols", r.symbols(), MAX_SYMBOLS);
        return r;
    }

    private static void require(boolean ok, String field, String detail) {
        if (!ok) {
            throw new InvalidRequestException(field, detail);
        }
    }
}
