package io.opsbridge.cli.commands;

import io.opsbridge.api.OperationInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code opsbridge train}: {@code POST /api/v1/trainings}, optionally watching the new operation. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Start a model training (answers at once; add --watch to follow it).")
public class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--symbols", required = true, paramLabel = "SYM[,SYM...]",
            description = "Symbols to train on, e.g. AAPL,MSFT.")
    String symbols;

    @Option(names = "--timeframe", paramLabel = "TF", description = "Bar timeframe, e.g. 1h (server default 1h).")
    String timeframe;

    @Option(names = "--epochs", description = "Number of epochs (server default 10).")
    Integer epochs;

    @Option(names = "--batch-size", description = "Mini-batch size (server default 64).")
    Integer batchSize;

    @Option(names = "--learning-rate", description = "Learning rate (server default 0.001).")
    Double learningRate;

    @Option(names = "--strategy", description = "Strategy name (server default mlp_direction).")
    String strategy;

    @Option(names = "--seed", description = "Seed for reproducible runs.")
    Long seed;

    @Option(names = "--mode", paramLabel = "local|host", description = "Where to run: local (in the backend) or host.")
    String mode;

    @Option(names = "--idempotency-key", paramLabel = "KEY", description = "Makes a retried start safe: the same key returns the same operation.")
    String idempotencyKey;

    @Option(names = {"-w", "--watch"}, description = "Follow the training until it ends; exit code tells the outcome.")
    boolean watch;

    @Option(names = "--plain", description = "With --watch: plain lines instead of a live progress bar.")
    boolean plain;

    @Override
    public Integer call() throws InterruptedException {
        Context ctx = Context.of(spec);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("symbols", TrainCommand.symbols(symbols));
        putIfSet(request, "timeframe", timeframe);
        putIfSet(request, "epochs", epochs);
        putIfSet(request, "batch_size", batchSize);
        putIfSet(request, "learning_rate", learningRate);
        putIfSet(request, "strategy", strategy);
        putIfSet(request, "seed", seed);
        putIfSet(request, "mode", mode);
        OperationInfo started = ctx.client().startTraining(request, idempotencyKey);
        return Started.report(ctx, started, watch, plain);
    }

    static void putIfSet(Map<String, Object> request, String key, Object value) {
        if (value != null) {
            request.put(key, value);
        }
    }

    /** {@code AAPL, MSFT} as the list the server wants (one comma-separated value keeps the synopsis short). */
    static List<String> symbols(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }
}
