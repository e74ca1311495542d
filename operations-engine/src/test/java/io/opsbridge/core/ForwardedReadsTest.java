package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationProgress;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.follow.ProgressSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A source whose answers are another process's cached answers (the owner replica's) is read at
 * every read and never cached here: a copy kept here could only be older than the owner's, and a
 * client switching replicas would see progress go back.
 */
class ForwardedReadsTest {

    private final ServiceFixture fixture = new ServiceFixture();

    @Test
    void everyReadOfAnOperationOwnedElsewhereIsTheOwnersAnswerNeverACopyKeptHere() {
        String id = fixture.created(OperationType.TRAINING);
        fixture.lifecycle.start(id);
        OwnersAnswers owner = new OwnersAnswers(fixture.store.find(id).orElseThrow());
        fixture.sources.register(id, owner);

        OperationInfo first = fixture.operations.get(id, false);
        OperationInfo second = fixture.operations.get(id, false); // within the TTL

        assertThat(owner.reads).hasValue(2);
        assertThat(second.progress().percentage()).isGreaterThan(first.progress().percentage());
        assertThat(fixture.operations.cachedAnswer(id)).as("nothing the event loop could answer from").isNull();
    }

    /** The owner: each read answers a newer record, as its own TTL cache refreshes. */
    private static final class OwnersAnswers implements ProgressSource {
        private final OperationInfo base;
        private final AtomicInteger reads = new AtomicInteger();

        OwnersAnswers(OperationInfo base) {
            this.base = base;
        }

        @Override
        public CompletionStage<Optional<OperationInfo>> pull(boolean forceRefresh, Executor blocking) {
            int n = reads.incrementAndGet();
            return CompletableFuture.completedFuture(Optional.of(base.withProgress(
                    new OperationProgress(10.0 * n, null, null, 0, 0, 0, 0, null, Map.of()), n,
                    ServiceFixture.START.plusSeconds(n))));
        }

        @Override
        public boolean cachedElsewhere() {
            return true;
        }

        @Override
        public void flush() {
        }

        @Override
        public Instant quietSince() {
            return null;
        }

        @Override
        public String lostReason(Duration quiet, Duration failAfter) {
            return "owner lost";
        }

        @Override
        public void cancel() {
        }
    }
}
