package io.opsbridge.cli.commands;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationType;
import io.opsbridge.cli.output.Texts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ops rerun ID [--set key=value ...] [--watch]}: starts the same work again (a training or a
 * data load) with the parameters the operation recorded ({@code metadata}: symbols, timeframe, mode,
 * {@code parameters}), each {@code --set} replacing or adding one field of the request in its wire
 * name ({@code --set epochs=20 --set seed=7}).
 */
@Command(name = "rerun", mixinStandardHelpOptions = true,
        description = {"Start the same training or data load again, with the parameters it ran with.",
            "--set key=value changes one of them (wire names, e.g. epochs=20, symbols=AAPL,MSFT)."})
public class RerunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The operation to run again (any status).")
    String id;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Change one parameter; repeat for more.")
    Map<String, String> changes = new LinkedHashMap<>();

    @Option(names = {"-w", "--watch"}, description = "Follow the new operation until it ends; exit code tells the outcome.")
    boolean watch;

    @Option(names = "--plain", description = "With --watch: plain lines instead of a live progress bar.")
    boolean plain;

    @Override
    public Integer call() throws InterruptedException {
        Context ctx = Context.of(spec);
        OperationInfo before = ctx.client().operation(id).value();
        Map<String, Object> request = request(before);
        changes.forEach((key, value) -> request.put(key, value(key, value)));
        OperationInfo started = OperationType.TRAINING.equals(before.operationType())
                ? ctx.client().startTraining(request, null) : ctx.client().startDataLoad(request);
        if (!ctx.printer().machine()) {
            ctx.out().printf("rerun of %s with %s%n", id, Texts.json(request));
        }
        return Started.report(ctx, started, watch, plain);
    }

    /** The start request the operation was made from, as far as its metadata records it. */
    static Map<String, Object> request(OperationInfo op) {
        if (!OperationType.TRAINING.equals(op.operationType()) && !OperationType.DATA_LOADING.equals(op.operationType())) {
            throw new TypeConversionException("ops rerun starts trainings and data loads; " + op.operationId()
                    + " is a " + op.operationType().wireName());
        }
        Map<String, Object> request = new LinkedHashMap<>();
        OperationMetadata metadata = op.metadata();
        if (metadata != null) {
            if (metadata.symbols() != null) {
                request.put("symbols", metadata.symbols());
            }
            TrainCommand.putIfSet(request, "timeframe", metadata.timeframe());
            TrainCommand.putIfSet(request, "mode", metadata.mode());
            if (metadata.parameters() != null) {
                metadata.parameters().forEach((key, value) -> TrainCommand.putIfSet(request, key, value));
            }
        }
        return request;
    }

    /** {@code 20} as a number, {@code true} as a flag, {@code AAPL,MSFT} for symbols as a list, else text. */
    private static Object value(String key, String text) {
        if ("symbols".equals(key)) {
            return TrainCommand.symbols(text);
        }
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.parseBoolean(text);
        }
        if (text.matches("-?\\d{1,18}")) {
            return Long.parseLong(text);
        }
        return text.matches("-?\\d+\\.\\d+([eE]-?\\d+)?") ? (Object) Double.parseDouble(text) : text;
    }

}
