package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.longpoll.VersionWaiters;
import io.opsbridge.core.proxy.FakeHost;
import io.opsbridge.core.service.OperationsService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Long-poll of a host operation: the backend waits on the host's own long-poll, holding no thread. */
class RemoteLongPollTest {

    private final ServiceFixture fixture = new ServiceFixture();
    private final OperationsService operations = fixture.operations;
    private final OperationLifecycle lifecycle = fixture.lifecycle;
    private final ProgressSources sources = fixture.sources;
    private final VersionWaiters waiters = new VersionWaiters(fixture.operations, fixture.sources, fixture.store, fixture.lifecycle,
            fixture.core.settings());
    private final FakeHost host = new FakeHost("host_training_s1");

    @AfterEach
    void stop() {
        waiters.shutdown();
    }

    @Test
    void waitingClientsAreAnsweredWhenTheHostMovesNotAtTheEndOfTheirWait() throws Exception {
        String id = lifecycle.create(OperationType.TRAINING, new OperationMetadata(List.of("AAPL"), "1h", "host",
                "host_training_s1", FakeHost.URL, "s1", Map.of())).operationId();
        fixture.hosts.put(FakeHost.URL, host.proxy());
        sources.register(id, fixture.core.hosts().source(id, FakeHost.URL, "host_training_s1"));
        lifecycle.start(id);
        host.epoch(1, 3);
        long seen = operations.get(id, true).version();

        CompletableFuture<OperationInfo> first = waiters.await(id, seen, Duration.ofSeconds(30)).toCompletableFuture();
        CompletableFuture<OperationInfo> second = waiters.await(id, seen, Duration.ofSeconds(30)).toCompletableFuture();
        // the re-check made when a waiter arrives has run, and found nothing new
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !first.isDone());
        host.epoch(2, 3);

        assertThat(first.get(3, TimeUnit.SECONDS).progress().currentStep()).isEqualTo("Epoch 2/3");
        assertThat(second.get(3, TimeUnit.SECONDS).version()).isGreaterThan(seen);
        assertThat(waiters.waiterCount()).isZero();
    }
}
