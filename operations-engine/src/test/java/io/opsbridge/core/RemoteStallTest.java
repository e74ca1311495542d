package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.proxy.FakeHost;
import io.opsbridge.core.service.OperationsCore;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.core.store.InMemoryOperationStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stall and lost detection for a host operation: measured from since when the host has not answered. */
class RemoteStallTest {

    private static final Duration STALL_AFTER = Duration.ofMinutes(1);
    private static final Duration FAIL_AFTER = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(ServiceFixture.START);
    private final FakeTicker ticker = new FakeTicker();
    private final OperationsCore core = TestCores.core(new InMemoryOperationStore(),
            TestCores.trainingStalls(ServiceFixture.TTL, STALL_AFTER, FAIL_AFTER), ticker, clock)
            .proxies(url -> this.host.proxy()).build();
    private final OperationsService operations = core.operations();
    private final OperationLifecycle lifecycle = core.lifecycle();
    private final ProgressSources sources = core.sources();
    private final FakeHost host = new FakeHost("host_training_s1");
    private String id;

    @BeforeEach
    void runningOnHost() {
        id = lifecycle.create(OperationType.TRAINING, new OperationMetadata(List.of("AAPL"), "1h", "host",
                "host_training_s1", FakeHost.URL, "s1", Map.of())).operationId();
        sources.register(id, core.hosts().source(id, FakeHost.URL, "host_training_s1"));
        lifecycle.start(id);
        host.epoch(1, 3);
        operations.get(id, true);
    }

    private OperationInfo readAfter(Duration later) {
        clock.advance(later);
        ticker.advance(ServiceFixture.TTL.plusMillis(1));
        return operations.get(id, false);
    }

    @Test
    void answeringHostIsNeverStalledHereHoweverLongItsJobTakes() {
        OperationInfo info = readAfter(FAIL_AFTER.multipliedBy(3));

        assertThat(info.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(info.progress().context()).containsEntry("host_reachable", true).doesNotContainKey("stalled");
    }

    @Test
    void unreachableHostIsStalledAfterStallAfterThenFailedAfterFailAfter() {
        host.down(true);
        OperationInfo first = readAfter(Duration.ofSeconds(1));
        assertThat(first.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(first.progress().context()).containsEntry("host_reachable", false)
                .containsEntry("unreachable_since", clock.instant().toString()).doesNotContainKey("stalled");

        OperationInfo stalled = readAfter(STALL_AFTER);
        assertThat(stalled.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(stalled.progress().context()).containsEntry("stalled", true);
        assertThat(stalled.progress().currentStep()).as("last known progress kept").isEqualTo("Epoch 1/3");

        OperationInfo lost = readAfter(FAIL_AFTER.minus(STALL_AFTER));
        assertThat(lost.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(lost.errorMessage()).startsWith("host unreachable: " + FakeHost.URL).contains("fail-after 300s");
        assertThat(lost.completedAt()).isNotNull();
        assertThat(operations.metrics(id, 0).metrics()).hasSize(1);
    }

    @Test
    void hostThatAnswersAgainClearsTheStallAndTheClock() {
        host.down(true);
        readAfter(Duration.ofSeconds(1));
        assertThat(readAfter(STALL_AFTER).progress().context()).containsEntry("stalled", true);

        host.down(false);
        host.epoch(2, 3);
        OperationInfo back = readAfter(Duration.ofSeconds(1));
        assertThat(back.progress().context()).containsEntry("host_reachable", true)
                .doesNotContainKeys("stalled", "unreachable_since");

        host.down(true);
        assertThat(readAfter(FAIL_AFTER.minusSeconds(1)).status()).as("quiet counts from the new failure")
                .isEqualTo(OperationStatus.RUNNING);
    }
}
