package io.opsbridge.cli.commands;

import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.cli.ExitCodes;
import io.opsbridge.cli.client.Polled;
import io.opsbridge.cli.output.Texts;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code opsbridge ops ...}: list, inspect, follow, cancel, resume and rerun operations ({@code /api/v1/operations}). */
@Command(name = "ops", mixinStandardHelpOptions = true, description = "List, inspect, follow, cancel, resume and rerun operations.",
        subcommands = {OpsCommand.ListOps.class, OpsCommand.Get.class, OpsCommand.Watch.class, WaitCommand.class,
            OpsCommand.Metrics.class, LogsCommand.class, OpsCommand.Cancel.class, OpsCommand.Resume.class,
            RerunCommand.class})
public class OpsCommand {

    /** {@code ops list [--status running] [--type training]}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List operations, newest first.")
    public static class ListOps implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--status", paramLabel = "STATUS", description = "pending, running, completed, failed or cancelled.")
        String status;

        @Option(names = "--type", paramLabel = "TYPE", description = "training, data_loading or a type a module declared (the server names what it accepts).")
        String type;

        @Option(names = "--limit", defaultValue = "20", description = "At most this many (default ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--offset", defaultValue = "0", description = "Skip this many.")
        int offset;

        @Option(names = "--no-headers", description = "Only the rows: no header line, no summary (for scripts).")
        boolean noHeaders;

        @Option(names = {"-w", "--watch"}, description = "Print the list again every 2 s, until Ctrl-C.")
        boolean watch;

        @Override
        public Integer call() throws InterruptedException {
            Context ctx = Context.of(spec);
            while (true) {
                ctx.printer().list(ctx.client().list(status, type, limit, offset), !noHeaders, type);
                if (!watch) {
                    return ExitCodes.OK;
                }
                Thread.sleep(WATCH_EVERY.toMillis());
                ctx.out().println();
            }
        }

        static final Duration WATCH_EVERY = Duration.ofSeconds(2);
    }

    /** {@code ops get ID}. */
    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one operation.")
    public static class Get implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "Operation id.")
        String id;

        @Override
        public Integer call() {
            Context ctx = Context.of(spec);
            ctx.printer().details(ctx.client().operation(id).value());
            return ExitCodes.OK;
        }
    }

    /** {@code ops watch ID}: live progress until the operation ends. */
    @Command(name = "watch", mixinStandardHelpOptions = true,
            description = {"Follow an operation until it ends, with an exit code for its outcome.",
                "A live progress bar (plain lines when not a terminal), each metric once, a summary;",
                "exit code 0 completed, 1 failed, 3 cancelled, 6 completed with warnings.",
                "Ctrl-C stops watching only; the operation keeps running."})
    public static class Watch implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "Operation id.")
        String id;

        @Option(names = "--plain", description = "Plain lines instead of a live progress bar.")
        boolean plain;

        @Override
        public Integer call() throws InterruptedException {
            return Follow.follow(Context.of(spec), id, plain);
        }
    }

    /** {@code ops metrics ID [--follow]}: metrics by cursor, each printed once. */
    @Command(name = "metrics", mixinStandardHelpOptions = true,
            description = {"Print an operation's metrics (epochs, symbols), each once.",
                "With -o json: one JSON object per line; with -o yaml: one YAML document each."})
    public static class Metrics implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "Operation id.")
        String id;

        @Option(names = {"-f", "--follow"}, description = "Keep printing new metrics until the operation ends.")
        boolean follow;

        @Option(names = "--cursor", defaultValue = "0", description = "Start after this many metrics.")
        int cursor;

        @Override
        public Integer call() throws InterruptedException {
            Context ctx = Context.of(spec);
            int next = print(ctx, cursor);
            if (!follow) {
                return ExitCodes.OK;
            }
            while (true) {
                Polled<OperationInfo> polled = ctx.client().operation(id);
                OperationInfo op = polled.value();
                next = print(ctx, next);
                if (op.status().isTerminal() && next >= op.metricsCount()) {
                    return ExitCodes.of(op);
                }
                Thread.sleep(Math.max(200, Math.min(polled.retryAfter().toMillis(), Duration.ofSeconds(10).toMillis())));
            }
        }

        private int print(Context ctx, int from) {
            MetricsResponse page = ctx.client().metrics(id, from);
            for (Map<String, Object> metric : page.metrics()) {
                if (ctx.printer().machine()) {
                    ctx.printer().printRecord(metric);
                } else {
                    ctx.out().println(Texts.metric(metric));
                }
            }
            ctx.out().flush();
            return Math.max(from, page.newCursor());
        }
    }

    /** {@code ops cancel ID}. */
    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel an operation (safe to repeat).")
    public static class Cancel implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "Operation id.")
        String id;

        @Override
        public Integer call() {
            Context ctx = Context.of(spec);
            OperationInfo op = ctx.client().cancel(id);
            return printChanged(ctx, op, op.operationId() + " is " + op.status().wireName());
        }
    }

    /** {@code ops resume ID}: a failed training goes on from its last checkpoint as a new attempt. */
    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Resume a failed training from its last checkpoint (a new attempt of the same operation).")
    public static class Resume implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "Operation id.")
        String id;

        @Override
        public Integer call() {
            Context ctx = Context.of(spec);
            OperationInfo op = ctx.client().resume(id);
            return printChanged(ctx, op, op.operationId() + " is " + op.status().wireName() + ": "
                    + op.attempts().resumedNote());
        }
    }

    /** The operation a control command changed: the record for machines, one line for people. */
    private static Integer printChanged(Context ctx, OperationInfo op, String line) {
        if (ctx.printer().machine()) {
            ctx.printer().printData(op);
        } else {
            ctx.out().println(line);
            ctx.out().flush();
        }
        return ExitCodes.OK;
    }
}
