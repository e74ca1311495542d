package io.opsbridge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
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
        subcommands = {DataCommand.Load.class, DataCommand.Sources.class})
public class DataCommand {

    /** {@code opsbridge data sources}: {@code GET /api/v1/data/sources}, one line per source. */
    @Command(name = "sources", mixinStandardHelpOptions = true,
            description = "List the sources a data load can name, the default marked, and the files csv has.")
    public static class Sources implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Context ctx = Context.of(spec);
            JsonNode answer = ctx.client().dataSources();
            String fallback = answer.path("default").asText();
            for (JsonNode source : answer.path("sources")) {
                String name = source.path("name").asText();
                String has;
                if (source.has("files")) {
                    List<String> files = new ArrayList<>();
                    source.path("files").forEach(f -> files.add(f.asText()));
                    has = "files in " + source.path("directory").asText() + " on the server: "
                            + (files.isEmpty() ? "none" : String.join(", ", files));
                } else {
                    has = source.path("description").asText();
                }
                ctx.out().printf("%-7s %-9s %s%n", name, name.equals(fallback) ? "(default)" : "", has);
            }
            ctx.out().flush();
            return 0;
        }
    }

    /** {@code opsbridge data load}: {@code POST /api/v1/data/loads}, optionally watching the load. */
    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Start loading market data (answers at once; add --watch to follow it symbol by symbol).")
    public static class Load implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--symbols", required = true, paramLabel = "SYM[,SYM...]",
                description = "Symbols to load, e.g. AAPL,MSFT.")
        String symbols;

        @Option(names = "--timeframe", paramLabel = "TF", description = "Bar timeframe, e.g. 1h.")
        String timeframe;

        @Option(names = "--start", paramLabel = "YYYY-MM-DD", description = "First day to load.")
        LocalDate start;

        @Option(names = "--end", paramLabel = "YYYY-MM-DD", description = "Last day to load.")
        LocalDate end;

        @Option(names = "--source", paramLabel = "sample|csv", description = "Where the bars come from (default: sample,"
                + " synthetic and offline; csv: the server's {SYMBOL}_{timeframe}.csv exports; `data sources` lists them).")
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
            request.put("symbols", TrainCommand.symbols(symbols));
            TrainCommand.putIfSet(request, "timeframe", timeframe);
            TrainCommand.putIfSet(request, "start_date", start == null ? null : start.toString());
            TrainCommand.putIfSet(request, "end_date", end == null ? null : end.toString());
            TrainCommand.putIfSet(request, "source", source);
            TrainCommand.putIfSet(request, "mode", mode);
            return Started.report(ctx, ctx.client().startDataLoad(request), watch, plain);
        }
    }
}
