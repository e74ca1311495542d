package io.opsbridge.core.proxy;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** A proxy's asynchronous answer waited for, in a test: its value, or its failure as the proxy made it. */
final class HostAnswersJoined {

    private HostAnswersJoined() {
    }

    static <T> T of(CompletionStage<T> answer) {
        try {
            return answer.toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
