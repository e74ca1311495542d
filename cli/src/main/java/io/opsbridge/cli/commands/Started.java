package io.opsbridge.cli.commands;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.cli.ExitCodes;

/** What {@code train} and {@code data load} print once the server accepted the work. */
final class Started {

    private Started() {
    }

    static int report(Context ctx, OperationInfo started, boolean watch, boolean plain) throws InterruptedException {
        announce(ctx, started);
        if (watch) {
            return Follow.follow(ctx, started.operationId(), plain);
        }
        if (ctx.printer().machine()) {
            ctx.printer().printData(started);
        } else {
            ctx.out().printf("follow it: opsbridge ops watch %s%n", started.operationId());
            ctx.out().flush();
        }
        return ExitCodes.OK;
    }

    /** {@code started training op_training_… (running)}, for people only. */
    static void announce(Context ctx, OperationInfo started) {
        if (!ctx.printer().machine()) {
            ctx.out().printf("started %s %s (%s)%n", started.operationType().wireName(), started.operationId(),
                    started.status().wireName());
            ctx.out().flush();
        }
    }
}
