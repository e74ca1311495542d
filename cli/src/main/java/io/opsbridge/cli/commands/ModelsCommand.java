package io.opsbridge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsbridge.cli.ExitCodes;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code opsbridge models ...}: the trained model versions ({@code /api/v1/models}) and which one serves. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List model versions and activate one.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Activate.class})
public class ModelsCommand {

    /** {@code models list [--strategy S]}: one row per version, newest first per strategy. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List model versions and their status.")
    public static class ListModels implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--strategy", paramLabel = "STRATEGY", description = "Only this strategy's versions.")
        String strategy;

        @Override
        public Integer call() {
            Context ctx = Context.of(spec);
            JsonNode answer = ctx.client().models(strategy);
            if (ctx.printer().machine()) {
                ctx.printer().printData(answer);
                return ExitCodes.OK;
            }
            ctx.out().printf("%-20s %-8s %-9s %-8s %s%n", "STRATEGY", "VERSION", "STATUS", "VAL_ACC", "TRAINED BY");
            for (JsonNode m : answer.path("models")) {
                JsonNode accuracy = m.path("performance_metrics").path("val_accuracy");
                ctx.out().printf("%-20s %-8s %-9s %-8s %s%n", m.path("strategy_name").asText(), m.path("version").asText(),
                        m.path("status").asText(),
                        accuracy.isNumber() ? String.format(Locale.ROOT, "%.3f", accuracy.asDouble()) : "-",
                        m.path("operation_id").asText("-"));
            }
            ctx.out().flush();
            return ExitCodes.OK;
        }
    }

    /** {@code models activate STRATEGY VERSION}: the server loads and smoke-tests it, then serves signals with it. */
    @Command(name = "activate", mixinStandardHelpOptions = true,
            description = {"Serve signals with this version, once the server loaded and smoke-tested it.",
                "If that fails, the version serving now stays."})
    public static class Activate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "STRATEGY", description = "e.g. mlp_direction.")
        String strategy;

        @Parameters(index = "1", paramLabel = "VERSION", description = "e.g. v3 (see models list).")
        String version;

        @Override
        public Integer call() {
            return activate(Context.of(spec), strategy, version);
        }

        static int activate(Context ctx, String strategy, String version) {
            JsonNode answer = ctx.client().activateModel(strategy, version);
            if (ctx.printer().machine()) {
                ctx.printer().printData(answer);
            } else {
                ctx.out().printf("%s %s is %s: it serves signals now%n", strategy, version,
                        answer.path("status").asText("active"));
                ctx.out().flush();
            }
            return ExitCodes.OK;
        }
    }
}
