package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.run.IdempotencyKeys;
import io.opsbridge.core.run.RequestDigest;
import io.opsbridge.core.store.IdempotencyClaim;
import io.opsbridge.core.store.IdempotencyKeyStore;
import io.opsbridge.core.store.InMemoryIdempotencyKeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    private record TrainingRequest(List<String> symbols, int epochs) {
    }

    private final ServiceFixture fixture = new ServiceFixture();
    private final IdempotencyKeyStore store = new InMemoryIdempotencyKeyStore();
    private final IdempotencyKeys keys = replica();
    private final AtomicInteger starts = new AtomicInteger();
    private final Supplier<OperationInfo> start = () -> {
        starts.incrementAndGet();
        return fixture.lifecycle.create(OperationType.TRAINING, ServiceFixture.metadata());
    };
    private ExecutorService clients;

    /** Another process on the same key store: a replica, or this one after a restart. */
    private IdempotencyKeys replica() {
        return new IdempotencyKeys(fixture.operations, store, Duration.ofHours(24), fixture.clock);
    }

    @AfterEach
    void stopClients() {
        if (clients != null) {
            clients.shutdownNow();
        }
    }

    @Test
    void sameKeyAndEqualRequestGiveTheSameOperationAndStartOnce() {
        OperationInfo first = keys.startOnce("key-1", new TrainingRequest(List.of("AAPL"), 10), start);
        OperationInfo retry = keys.startOnce("key-1", new TrainingRequest(List.of("AAPL"), 10), start);

        assertThat(retry.operationId()).isEqualTo(first.operationId());
        assertThat(starts).hasValue(1);
    }

    @Test
    void retryAnswersWithTheOperationsCurrentState() {
        OperationInfo first = keys.startOnce("key-1", new TrainingRequest(List.of("AAPL"), 10), start);
        fixture.lifecycle.cancel(first.operationId());

        OperationInfo retry = keys.startOnce("key-1", new TrainingRequest(List.of("AAPL"), 10), start);

        assertThat(retry.status()).isEqualTo(OperationStatus.CANCELLED);
    }

    @Test
    void eightConcurrentRetriesStartOnce() throws Exception {
        clients = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<OperationInfo>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(clients.submit(() -> {
                go.await();
                return keys.startOnce("key-1", new TrainingRequest(List.of("AAPL", "MSFT"), 5), start);
            }));
        }

        go.countDown();

        List<String> ids = new ArrayList<>();
        for (Future<OperationInfo> answer : answers) {
            ids.add(answer.get(10, TimeUnit.SECONDS).operationId());
        }
        assertThat(ids).hasSize(8).containsOnly(ids.get(0));
        assertThat(starts).hasValue(1);
    }

    @Test
    void sameKeyWithADifferentRequestIsAConflict() {
        keys.startOnce("key-1", new TrainingRequest(List.of("AAPL"), 10), start);

        assertThatThrownBy(() -> keys.startOnce("key-1", new TrainingRequest(List.of("AAPL"), 20), start))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("key-1");
        assertThat(starts).hasValue(1);
    }

    @Test
    void differentKeysStartDifferentOperations() {
        OperationInfo a = keys.startOnce("key-a", new TrainingRequest(List.of("AAPL"), 10), start);
        OperationInfo b = keys.startOnce("key-b", new TrainingRequest(List.of("AAPL"), 10), start);

        assertThat(a.operationId()).isNotEqualTo(b.operationId());
        assertThat(starts).hasValue(2);
    }

    @Test
    void withoutAKeyEveryRequestStarts() {
        TrainingRequest request = new TrainingRequest(List.of("AAPL"), 10);

        OperationInfo a = keys.startOnce(null, request, start);
        OperationInfo b = keys.startOnce(null, request, start);
        OperationInfo c = keys.startOnce("  ", request, start);

        assertThat(List.of(a.operationId(), b.operationId(), c.operationId())).doesNotHaveDuplicates();
        assertThat(starts).hasValue(3);
    }

    @Test
    void startThatFailsIsNotRememberedSoARetryStarts() {
        TrainingRequest request = new TrainingRequest(List.of("AAPL"), 10);

        assertThatThrownBy(() -> keys.startOnce("key-1", request, () -> {
            throw new CapacityExceededException("all workers busy");
        })).isInstanceOf(CapacityExceededException.class);
        OperationInfo retry = keys.startOnce("key-1", request, start);

        assertThat(retry.status()).isEqualTo(OperationStatus.PENDING);
        assertThat(starts).hasValue(1);
    }

    @Test
    void aReplicaOnTheSameStoreAnswersTheOperationTheFirstOneStarted() {
        OperationInfo first = keys.startOnce("key-1", new TrainingRequest(List.of("AAPL"), 10), start);

        OperationInfo retry = replica().startOnce("key-1", new TrainingRequest(List.of("AAPL"), 10), start);

        assertThat(retry.operationId()).isEqualTo(first.operationId());
        assertThat(starts).hasValue(1);
    }

    @Test
    void aKeyIsForgottenAfterItsTtlSoTheSameRequestStartsAgain() {
        OperationInfo first = keys.startOnce("key-1", new TrainingRequest(List.of("AAPL"), 10), start);
        fixture.clock.advance(Duration.ofHours(24));

        OperationInfo later = keys.startOnce("key-1", new TrainingRequest(List.of("AAPL"), 10), start);

        assertThat(later.operationId()).isNotEqualTo(first.operationId());
        assertThat(starts).hasValue(2);
    }

    @Test
    void aClaimWhoseProcessDiedBeforeStartingLapsesAndARetryStarts() {
        TrainingRequest request = new TrainingRequest(List.of("AAPL"), 10);
        IdempotencyKeys starter = replica();
        // the claimant died between claiming the key and starting the work: only its claim is left
        store.claim(IdempotencyClaim.starting("key-1", RequestDigest.of(request), fixture.clock.instant(),
                fixture.clock.instant().plus(Duration.ofHours(24))));
        fixture.clock.advance(IdempotencyKeyStore.START_TIMEOUT);

        OperationInfo retry = starter.startOnce("key-1", request, start);

        assertThat(retry.status()).isEqualTo(OperationStatus.PENDING);
        assertThat(starts).hasValue(1);
    }

    @Test
    void aKeyLongerThanTheLimitIsABadRequest() {
        assertThatThrownBy(() -> keys.startOnce("k".repeat(IdempotencyKeys.MAX_KEY_LENGTH + 1),
                new TrainingRequest(List.of("AAPL"), 10), start))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Idempotency-Key");
        assertThat(starts).hasValue(0);
    }
}
