package io.opsbridge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsbridge.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code opsbridge admin settings show | reload [--dry-run] | history}: the server's runtime settings;
 * {@code admin replicas}; {@code admin tokens ...} and {@code admin audit} are in {@link AdminAccessCommands}.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = {"Administer a running server; needs a login with the admin role.",
            "Log in with: opsbridge login --url URL --token-file FILE (or set OPSBRIDGE_TOKEN)."},
        subcommands = {AdminCommand.SettingsCommand.class, ReplicasCommand.class, AdminAccessCommands.Tokens.class,
                AdminAccessCommands.Audit.class})
public class AdminCommand {

    /** {@code admin settings ...}. */
    @Command(name = "settings", mixinStandardHelpOptions = true,
            description = "Runtime settings that change without a restart (/api/v1/admin/settings).",
            subcommands = {Show.class, Reload.class, History.class})
    public static class SettingsCommand {
    }

    /** {@code admin settings show}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "The settings in force: version, file hash, when and why applied, values, last rejected reload.")
    public static class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Context ctx = Context.of(spec);
            JsonNode s = ctx.client().admin().settings();
            if (ctx.printer().machine()) {
                ctx.printer().printData(s);
                return ExitCodes.OK;
            }
            PrintWriter out = ctx.out();
            out.printf("settings version %s (%s, applied %s)%n", s.path("version").asText(),
                    s.path("trigger").asText(), s.path("applied_at").asText());
            out.printf("file %s  sha256 %s%n", s.path("file").asText(), s.path("sha256").asText("-"));
            out.printf("sighup: %s%n", s.path("sighup").path("detail").asText("-"));
            for (Iterator<Map.Entry<String, JsonNode>> it = s.path("values").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> value = it.next();
                out.printf("  %s=%s%n", value.getKey(), value.getValue().asText());
            }
            JsonNode rejected = s.path("last_rejected");
            if (!rejected.isMissingNode() && !rejected.isNull()) {
                out.printf("last rejected %s (%s):%n", rejected.path("at").asText(), rejected.path("trigger").asText());
                rejected.path("errors").forEach(e -> out.printf("  %s%n", e.asText()));
            }
            return ExitCodes.OK;
        }
    }

    /** {@code admin settings reload [--dry-run]}: exit 0 applied or unchanged, 4 rejected. */
    @Command(name = "reload", mixinStandardHelpOptions = true,
            description = {"Reload the server's runtime settings file now and print the outcome and the diff.",
                "Exit 0 when applied or unchanged, 4 when rejected (the old settings stay)."})
    public static class Reload implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dry-run", description = "Validate and diff only; apply nothing.")
        boolean dryRun;

        @Override
        public Integer call() {
            Context ctx = Context.of(spec);
            JsonNode event = ctx.client().admin().reloadSettings(dryRun);
            if (ctx.printer().machine()) {
                ctx.printer().printData(event);
            } else {
                printEvent(ctx.out(), event);
            }
            return "rejected".equals(event.path("outcome").asText()) ? ExitCodes.SERVER_ERROR : ExitCodes.OK;
        }
    }

    /** {@code admin settings history [--limit n]}. */
    @Command(name = "history", mixinStandardHelpOptions = true, description = "The last reloads, newest first.")
    public static class History implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--limit", defaultValue = "20", description = "At most this many, 1 to 100 (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            Context ctx = Context.of(spec);
            JsonNode history = ctx.client().admin().settingsHistory(limit);
            if (ctx.printer().machine()) {
                ctx.printer().printData(history);
                return ExitCodes.OK;
            }
            history.path("events").forEach(e -> printEvent(ctx.out(), e));
            JsonNode stats = history.path("stats");
            ctx.out().printf("totals %s, mean %.0f us, max %s us%n", stats.path("totals"),
                    stats.path("mean_duration_micros").asDouble(), stats.path("max_duration_micros").asText());
            return ExitCodes.OK;
        }
    }

    static void printEvent(PrintWriter out, JsonNode e) {
        out.printf("%s %s%s by %s: version %s -> %s (%s us)%n", e.path("at").asText(), e.path("outcome").asText(),
                e.path("dry_run").asBoolean() ? " (dry run)" : "", e.path("trigger").asText(),
                e.path("from_version").asText(), e.path("to_version").asText(), e.path("duration_micros").asText());
        e.path("diff").forEach(c -> out.printf("  %s: %s -> %s%n", c.path("key").asText(),
                c.path("from").asText("(unset)"), c.path("to").asText("(unset)")));
        e.path("errors").forEach(error -> out.printf("  error: %s%n", error.asText()));
        e.path("observer_failures").forEach(f -> out.printf("  observer failed: %s%n", f.asText()));
    }
}
