package io.opsbridge.cli.commands;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.cli.ExitCodes;
import io.opsbridge.cli.watch.BarProgressView;
import io.opsbridge.cli.watch.LineProgressView;
import io.opsbridge.cli.watch.OperationWatcher;
import io.opsbridge.cli.watch.ProgressView;
import io.opsbridge.cli.watch.SilentProgressView;
import io.opsbridge.cli.watch.Summary;

/**
 * The watch flow shared by {@code ops watch}, {@code train --watch} and {@code data load --watch}:
 * a live bar on a terminal, plain lines otherwise, nothing but the final JSON with {@code -o json};
 * a summary at the end and the exit code of the outcome.
 *
 * <p>Ctrl-C ends the watching only: the operation keeps running on the server, and a line on
 * stderr says how to watch it again or cancel it.
 */
final class Follow {

    private Follow() {
    }

    static int follow(Context ctx, String operationId, boolean plain) throws InterruptedException {
        return ExitCodes.of(followToEnd(ctx, operationId, plain));
    }

    /** Follows the operation with a live view, prints its summary and returns its final state. */
    static OperationInfo followToEnd(Context ctx, String operationId, boolean plain) throws InterruptedException {
        ProgressView view = chooseView(ctx, plain);
        Thread onCtrlC = new Thread(() -> {
            view.close();
            ctx.err().println();
            ctx.err().printf("stopped watching %s; the operation keeps running on the server "
                    + "(watch again: opsbridge ops watch %1$s, stop it: opsbridge ops cancel %1$s)%n", operationId);
            ctx.err().flush();
        }, "opsbridge-ctrl-c");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        OperationInfo last;
        try {
            last = new OperationWatcher(ctx.client(), view).watch(operationId);
            view.close();
        } finally {
            removeHook(onCtrlC);
        }
        if (ctx.printer().machine()) {
            ctx.printer().printData(last);
        } else {
            Summary.print(ctx.out(), last);
            if (last.status() == OperationStatus.FAILED) {
                LogsCommand.printTail(ctx, operationId);
            }
        }
        return last;
    }

    private static ProgressView chooseView(Context ctx, boolean plain) {
        if (ctx.printer().machine()) {
            return new SilentProgressView();
        }
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return terminal && !plain ? new BarProgressView(System.out, 0) : new LineProgressView(ctx.out());
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Ctrl-C arrived: the hook is running and prints the message
        }
    }
}
