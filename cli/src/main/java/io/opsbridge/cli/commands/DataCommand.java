package io.opsbridge.cli.commands;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code opsbridge data ...}: market data operations. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Market data operations.",
        subcommands = DataCommand.Load.class)
public class DataCommand {

    /** {@code opsbridge data load}: {@code POST /api/v1/data/loads}, optionally watching the load. */
    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Start loading market data (answers at once; add --watch to follow it symbol by symbol).")
    public static class Load implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--symbols", split = ",", required = true, paramLabel = "SYM[,SYM...]",
                description = "Symbols to load, e.g. AAPL,MSFT.")
        List<String> symbols;

        @Option(names = "--timeframe", paramLabel = "TF", description = "Bar timeframe, e.g. 1h.")
        String timeframe;

        @Option(names = "--start", paramLabel = "YYYY-MM-DD", description = "First day to load.")
        LocalDate start;

        @Option(names = "--end", paramLabel = "YYYY-MM-DD", description = "Last day to load.")
        LocalDate end;

        @Option(names = "--source", description = "Where the bars come from (e.g. sample, or a source the server knows).")
        String source;

        @Option(names = "--mode", paramLabel = "local|host", description = "Where to run: local (in the backend) or host.")
        String mode;

        @Option(names = {"-w", "--watch"}, description = "Follow the load until it ends; exit code tells the outcome.")
        boolean watch;

        @Option(names = "--plain", description = "With --watch: plain lines instead of a live progress bar.")
        boolean plain;

        @Override
        public Integer call() throws InterruptedException {
            Context ctx = Context.of(spec);
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("symbols", symbols);
            TrainCommand.putIfSet(request, "timeframe", timeframe);
            TrainCommand.putIfSet(request, "start_date", start == null ? null : start.toString());
            TrainCommand.putIfSet(request, "end_date", end == null ? null : end.toString());
            TrainCommand.putIfSet(request, "source", source);
            TrainCommand.putIfSet(request, "mode", mode);
            return Started.report(ctx, ctx.client().startDataLoad(request), watch, plain);
        }
    }
}
