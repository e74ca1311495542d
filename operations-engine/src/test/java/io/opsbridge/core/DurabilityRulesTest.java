package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.bridge.TestBridge;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.recovery.StartupRecovery;
import io.opsbridge.core.retention.RetentionListener;
import io.opsbridge.core.retention.RetentionService;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.InMemoryIdempotencyKeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Startup recovery, retention and 410-versus-404, on the in-memory store (the JDBC stores pass the same contract). */
class DurabilityRulesTest {

    private final ServiceFixture fixture = new ServiceFixture();
    private final OperationsService operations = fixture.operations;
    private final OperationLifecycle lifecycle = fixture.lifecycle;
    private final ProgressSources sources = fixture.sources;

    @Test
    void restartFailsInterruptedLocalOperationsAndKeepsRemoteAndFinishedOnes() {
        String running = fixture.running(new TestBridge());
        String pending = fixture.created(OperationType.TRAINING);
        String done = fixture.running(new TestBridge());
        lifecycle.complete(done, Map.of("accuracy", 0.5));
        String remote = lifecycle.create(OperationType.TRAINING,
                new OperationMetadata(List.of("AAPL"), "1h", "host", "host_training_1", "http://host", "1", Map.of()))
                .operationId();

        fixture.store.appendLog(running, List.of(new io.opsbridge.api.LogLine(0, java.time.Instant.now(), "info",
                "Epoch 1/3: train loss 0.69")), 100);
        int failed = new StartupRecovery(fixture.store, fixture.lifecycle,
                new io.opsbridge.core.lifecycle.OperationResumes(fixture.lifecycle, List.of()),
                TestCores.settings(Map.of())).recover();

        assertThat(failed).isEqualTo(2);
        for (String id : List.of(running, pending)) {
            OperationInfo info = fixture.store.find(id).orElseThrow();
            assertThat(info.status()).isEqualTo(OperationStatus.FAILED);
            assertThat(info.errorMessage()).isEqualTo("interrupted: process restarted");
            assertThat(info.completedAt()).isNotNull();
            assertThat(fixture.store.log(id, 0, 10).lines()).last().extracting(io.opsbridge.api.LogLine::message)
                    .as("its log ends with why").isEqualTo("failed: interrupted: process restarted");
        }
        assertThat(fixture.store.log(running, 0, 10).lines()).extracting(io.opsbridge.api.LogLine::message)
                .containsExactly("Epoch 1/3: train loss 0.69", "failed: interrupted: process restarted");
        assertThat(fixture.store.find(done).orElseThrow().status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(fixture.store.find(remote).orElseThrow().status()).isEqualTo(OperationStatus.PENDING);
    }

    @Test
    void expiredOperationAnswersGoneAndUnknownOneNotFound() {
        String done = fixture.running(new TestBridge());
        lifecycle.complete(done, Map.of());
        fixture.clock.advance(Duration.ofDays(31));

        RetentionService.Result result = new RetentionService(fixture.store, new InMemoryIdempotencyKeyStore(), retainFor(Duration.ofDays(30)), fixture.clock).apply();
        fixture.afterTtl();

        assertThat(result.deleted()).isEqualTo(1);
        assertThatThrownBy(() -> operations.get(done, false)).isInstanceOf(OperationGoneException.class)
                .hasMessageContaining("deleted by retention");
        assertThatThrownBy(() -> operations.metrics(done, 0)).isInstanceOf(OperationGoneException.class);
        assertThatThrownBy(() -> operations.get("op_never", false)).isInstanceOf(OperationNotFoundException.class)
                .isNotInstanceOf(OperationGoneException.class);
    }

    @Test
    void retentionTellsItsListenersWhichOperationsWentEvenIfOneOfThemFails() {
        String done = fixture.running(new TestBridge());
        lifecycle.fail(done, "worker lost");
        String recent = fixture.running(new TestBridge());
        fixture.clock.advance(Duration.ofDays(31));
        lifecycle.complete(recent, Map.of());
        List<List<String>> told = new java.util.ArrayList<>();
        RetentionListener broken = ids -> {
            throw new IllegalStateException("disk gone");
        };

        new RetentionService(fixture.store, new InMemoryIdempotencyKeyStore(), retainFor(Duration.ofDays(30)),
                fixture.clock, List.of(broken, told::add)).apply();

        assertThat(told).containsExactly(List.of(done));
        new RetentionService(fixture.store, new InMemoryIdempotencyKeyStore(), retainFor(Duration.ofDays(30)),
                fixture.clock, List.of(told::add)).apply();
        assertThat(told).as("a pass that deletes nothing tells no one").hasSize(1);
    }

    @Test
    void retentionKeepsRecentAndUnfinishedOperations() {
        String done = fixture.running(new TestBridge());
        lifecycle.complete(done, Map.of());
        String running = fixture.running(new TestBridge());
        fixture.clock.advance(Duration.ofDays(10));

        RetentionService.Result result = new RetentionService(fixture.store, new InMemoryIdempotencyKeyStore(), retainFor(Duration.ofDays(30)), fixture.clock).apply();

        assertThat(result.deleted()).isZero();
        assertThat(fixture.store.find(done)).isPresent();
        assertThat(fixture.store.find(running)).isPresent();
    }

    @Test
    void tombstonesAreForgottenByTheRetentionPassAfterTheirTtl() {
        String done = fixture.running(new TestBridge());
        lifecycle.complete(done, Map.of());
        Settings settings = TestCores.settings(Map.of("opsbridge.store.retention.max-age", "30d",
                "opsbridge.store.tombstone-ttl", "7d"));
        RetentionService retention = new RetentionService(fixture.store, new InMemoryIdempotencyKeyStore(), settings,
                fixture.clock);
        fixture.clock.advance(Duration.ofDays(31));
        retention.apply();
        fixture.clock.advance(Duration.ofDays(6));
        retention.apply();
        fixture.afterTtl();

        assertThatThrownBy(() -> operations.get(done, false)).isInstanceOf(OperationGoneException.class);

        fixture.clock.advance(Duration.ofDays(2));
        retention.apply();
        fixture.afterTtl();

        assertThatThrownBy(() -> operations.get(done, false)).isInstanceOf(OperationNotFoundException.class)
                .isNotInstanceOf(OperationGoneException.class);
    }

    private static Settings retainFor(Duration maxAge) {
        return TestCores.settings(Map.of("opsbridge.store.retention.max-age", maxAge.toString()));
    }
}
