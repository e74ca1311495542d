package io.opsbridge.cli.commands;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.cli.ExitCodes;
import io.opsbridge.cli.client.Polled;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ops wait ID [--for ended|running] [--timeout 10m]}: blocks without output until the
 * operation gets there, like {@code kubectl wait}; the exit code is its outcome, so a script can
 * {@code ops wait $id && ...}. Pulls with the server's long-poll and {@code Retry-After}.
 */
@Command(name = "wait", mixinStandardHelpOptions = true,
        description = {"Wait until an operation ends (or is running), without output.",
            "Exit code: 0 completed, 1 failed, 3 cancelled, 6 completed with warnings,",
            "7 not there within --timeout."})
public class WaitCommand implements Callable<Integer> {

    /** What to wait for. */
    public enum Condition {
        /** completed, failed or cancelled. */
        ended,
        /** started, or already ended. */
        running
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Operation id.")
    String id;

    @Option(names = "--for", paramLabel = "CONDITION", defaultValue = "ended",
            description = "ended (default) or running.")
    Condition condition;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m", converter = Durations.class,
            description = "Give up after this long, e.g. 90s, 10m, 2h (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        Context ctx = Context.of(spec);
        Instant deadline = Instant.now().plus(timeout);
        long version = -1;
        while (true) {
            Polled<OperationInfo> polled = ctx.client().operation(id, version);
            OperationInfo op = polled.value();
            if (op.status().isTerminal()) {
                report(ctx, op);
                return ExitCodes.of(op);
            }
            if (condition == Condition.running && op.status() == OperationStatus.RUNNING) {
                report(ctx, op);
                return ExitCodes.OK;
            }
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                ctx.err().printf("error: %s is still %s after %s%n", id, op.status().wireName(), Durations.text(timeout));
                ctx.err().flush();
                return ExitCodes.TIMED_OUT;
            }
            version = op.version();
            Duration pause = polled.retryAfter().compareTo(Duration.ofMillis(200)) < 0 ? Duration.ofMillis(200)
                    : polled.retryAfter().compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : polled.retryAfter();
            Thread.sleep(Math.min(pause.toMillis(), Math.max(1, left.toMillis())));
        }
    }

    private static void report(Context ctx, OperationInfo op) {
        if (ctx.printer().machine()) {
            ctx.printer().printData(op);
        }
    }
}
