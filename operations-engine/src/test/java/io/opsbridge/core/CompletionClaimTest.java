package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.bridge.TestBridge;
import io.opsbridge.core.follow.HostOutcome;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.service.OperationsCore;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Completion and cancel are conditional updates of one shared record: the completion is claimed
 * first and its hook (the model registration, in the backend) runs only if the claim won. "Another
 * replica" is a second core on the same store, as two backends share one database.
 */
class CompletionClaimTest {

    private final ServiceFixture owner = new ServiceFixture();
    private final OperationLifecycle otherReplica = TestCores.core(owner.store, TestCores.quiet(ServiceFixture.TTL),
            owner.ticker, owner.clock).build().lifecycle();
    private final AtomicInteger hookRuns = new AtomicInteger();

    CompletionClaimTest() {
        owner.trainingHook = (record, result) -> {
            hookRuns.incrementAndGet();
            return result;
        };
    }

    @Test
    void aWorkerThatFinishesAfterACancelRecordedElsewhereRegistersNothing() {
        TestBridge bridge = new TestBridge();
        String id = owner.running(bridge);
        bridge.epoch(1, 3, 0.9);

        otherReplica.cancel(id);

        assertThatThrownBy(() -> owner.lifecycle.complete(id, Map.of("model_path", "/m/1")))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(hookRuns).as("the completion hook of a cancelled operation").hasValue(0);
        assertThat(owner.store.find(id).orElseThrow().status()).isEqualTo(OperationStatus.CANCELLED);
    }

    @Test
    void theOwnerStopsItsWorkerAtTheNextReadOfACancelRecordedElsewhere() {
        TestBridge bridge = new TestBridge();
        String id = owner.running(bridge);
        otherReplica.cancel(id);
        assertThat(bridge.isCancelRequested()).as("nothing told the owner yet").isFalse();

        owner.afterTtl();
        OperationInfo read = owner.operations.get(id, false);

        assertThat(read.status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(bridge.isCancelRequested()).as("the worker stops at its next write").isTrue();
        assertThat(owner.sources.registered(id)).isEmpty();
    }

    @Test
    void aCancelArrivingWhileTheCompletionHookRunsIsRefusedAndTheOperationCompletes() {
        TestBridge bridge = new TestBridge();
        String id = owner.running(bridge);
        String[] refusal = new String[1];
        owner.trainingHook = (record, result) -> {
            try {
                otherReplica.cancel(id);
            } catch (IllegalTransitionException e) {
                refusal[0] = e.getMessage();
            }
            return result;
        };

        OperationInfo done = owner.lifecycle.complete(id, Map.of("model_path", "/m/1"));

        assertThat(refusal[0]).contains("can no longer be cancelled");
        assertThat(done.status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(done.progress().context()).doesNotContainKey("completing");
    }

    @Test
    void aHostOutcomeAppliedByTwoReplicasRunsTheHookOnce() {
        String id = owner.running(new TestBridge());
        HostOutcome completed = new HostOutcome(OperationStatus.COMPLETED, ServiceFixture.START, Map.of("m", 1), null);
        OperationsCore second = TestCores.core(owner.store, TestCores.quiet(ServiceFixture.TTL), owner.ticker, owner.clock)
                .hooks(java.util.List.of(new io.opsbridge.core.lifecycle.CompletionHook() {
                    @Override
                    public io.opsbridge.api.OperationType type() {
                        return io.opsbridge.api.OperationType.TRAINING;
                    }

                    @Override
                    public Map<String, Object> completed(OperationInfo record, Map<String, Object> result) {
                        hookRuns.incrementAndGet();
                        return result;
                    }
                })).build();

        owner.lifecycle.finish(id, completed);
        OperationInfo again = second.lifecycle().finish(id, completed);

        assertThat(again.status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(hookRuns).hasValue(1);
    }
}
