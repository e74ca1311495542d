package io.opsbridge.cli.commands;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.cli.ExitCodes;
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

    @Option(names = "--strategy", description = "Strategy name (server default mlp_direction); the server refuses"
            + " one it does not know (see opsbridge models list) unless --new-strategy.")
    String strategy;

    @Option(names = "--new-strategy", description = "Create the --strategy if the server does not know it yet.")
    boolean newStrategy;

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

    @Option(names = "--auto-activate", description = "Follow the training (as --watch) and, once it completed"
            + " and its model is registered, serve signals with it.")
    boolean autoActivate;

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
        if (newStrategy) {
            request.put("new_strategy", true);
        }
        OperationInfo started = ctx.client().startTraining(request, idempotencyKey);
        if (!autoActivate) {
            return Started.report(ctx, started, watch, plain);
        }
        Started.announce(ctx, started);
        OperationInfo last = Follow.followToEnd(ctx, started.operationId(), plain);
        int outcome = ExitCodes.of(last);
        Object version = last.resultSummary() == null ? null : last.resultSummary().get("registry_version");
        if (outcome != ExitCodes.OK || version == null) {
            ctx.err().printf("not activated: the training %s%n", outcome == ExitCodes.OK
                    ? "registered no model" : "did not complete cleanly");
            ctx.err().flush();
            return outcome == ExitCodes.OK ? ExitCodes.COMPLETED_WITH_WARNINGS : outcome;
        }
        Object trained = last.resultSummary().get("strategy");
        return ModelsCommand.Activate.activate(ctx, String.valueOf(trained != null ? trained
                : strategy != null ? strategy : "mlp_direction"), String.valueOf(version));
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
