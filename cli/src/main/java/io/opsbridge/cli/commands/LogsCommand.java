package io.opsbridge.cli.commands;

import io.opsbridge.api.LogLine;
import io.opsbridge.api.LogsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.cli.ExitCodes;
import io.opsbridge.cli.client.ApiException;
import io.opsbridge.cli.client.Polled;
import io.opsbridge.cli.output.Texts;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ops logs ID [-f]}: an operation's log by cursor, each line printed once. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Print an operation's log: what the job and the platform said about it, each line once.",
            "With -f: keep printing new lines until the operation ends; exit code 0 completed, 1 failed,",
            "3 cancelled, 6 completed with warnings. With -o json: one JSON object per line."})
public class LogsCommand implements Callable<Integer> {

    /** How many lines {@code ops watch} shows of a failed operation's log. */
    static final int TAIL_ON_FAILURE = 10;
    /** How long a cancelled job's worker gets to write its last line (it stops within one batch). */
    private static final Duration CANCEL_NOTICED = Duration.ofSeconds(1);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Operation id.")
    String id;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until the operation ends.")
    boolean follow;

    @Option(names = "--cursor", defaultValue = "0", description = "Start after this many lines.")
    int cursor;

    @Override
    public Integer call() throws InterruptedException {
        Context ctx = Context.of(spec);
        int next = drain(ctx, cursor);
        if (!follow) {
            return ExitCodes.OK;
        }
        while (true) {
            Polled<OperationInfo> polled = ctx.client().operation(id);
            OperationInfo op = polled.value();
            // the status first, then the lines: a log is stored to its end before its operation ends
            next = drain(ctx, next);
            if (op.status().isTerminal()) {
                if (op.status() == OperationStatus.CANCELLED) {
                    // the worker writes its last line when it notices the cancel, just after the status changed
                    Thread.sleep(CANCEL_NOTICED.toMillis());
                    drain(ctx, next);
                }
                return ExitCodes.of(op);
            }
            Thread.sleep(Math.max(200, Math.min(polled.retryAfter().toMillis(), Duration.ofSeconds(2).toMillis())));
        }
    }

    /** Prints every line from {@code from} on; returns the cursor after the last. */
    private int drain(Context ctx, int from) {
        int at = from;
        while (true) {
            LogsResponse page = ctx.client().logs(id, at);
            if (page.dropped() > 0 && !ctx.printer().machine()) {
                ctx.err().printf("(%d earlier lines are no longer kept)%n", page.dropped());
                ctx.err().flush();
            }
            for (LogLine line : page.lines()) {
                if (ctx.printer().machine()) {
                    ctx.printer().printRecord(line);
                } else {
                    ctx.out().println(Texts.logLine(line));
                }
            }
            ctx.out().flush();
            if (page.lines().isEmpty() || page.newCursor() <= at) {
                return Math.max(at, page.newCursor());
            }
            at = page.newCursor();
        }
    }

    /** After a failure: the last lines of the operation's log, so "why" is on the screen (nothing if it has none). */
    static void printTail(Context ctx, String operationId) {
        Deque<LogLine> last = new ArrayDeque<>();
        int at = 0;
        for (int page = 0; page < 100; page++) {
            LogsResponse answer;
            try {
                answer = ctx.client().logs(operationId, at);
            } catch (ApiException e) {
                return; // a server without logs (older than this CLI): the summary above is all there is
            }
            for (LogLine line : answer.lines()) {
                last.addLast(line);
                if (last.size() > TAIL_ON_FAILURE) {
                    last.removeFirst();
                }
            }
            if (answer.lines().isEmpty() || answer.newCursor() <= at) {
                break;
            }
            at = answer.newCursor();
        }
        if (last.isEmpty()) {
            return;
        }
        ctx.out().printf("last lines of its log (all of it: opsbridge ops logs %s):%n", operationId);
        last.forEach(line -> ctx.out().println("  " + Texts.logLine(line)));
        ctx.out().flush();
    }
}
