package io.opsbridge.server.operations;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;

/**
 * Continues a read's stage on the Vert.x context of the request that waits for it: a read shared
 * by several requests (the cache's stage in flight, a long-poll's answer) completes on one
 * request's thread, and the others must not be resumed there (their request scope is not active
 * on it: a 500).
 */
final class RequestContexts {

    private RequestContexts() {
    }

    /** {@code stage}, continued on this request's own context; one already complete (a cache hit) as it is, allocating nothing. */
    static <T> CompletionStage<T> onThisRequest(CompletionStage<T> stage) {
        return onContext(stage, Vertx.currentContext());
    }

    /** {@code stage}, continued on {@code context} (none: where it completes). */
    static <T> CompletionStage<T> onContext(CompletionStage<T> stage, Context context) {
        if (context == null || stage.toCompletableFuture().isDone()) {
            return stage;
        }
        return stage.whenCompleteAsync((value, error) -> { }, task -> run(context, task));
    }

    /** At once when already on {@code context} (a host's answer arrives on the request's own): no second trip through its queue. */
    private static void run(Context context, Runnable task) {
        if (Vertx.currentContext() == context) {
            task.run();
        } else {
            context.runOnContext(ignored -> task.run());
        }
    }
}
