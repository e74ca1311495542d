package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.bridge.TestBridge;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code OperationsService.cachedAnswer}: what the event loop may answer without a worker. It must be
 * exactly what {@code get(id, false)} would answer, or nothing.
 */
class CachedAnswerTest {

    private final ServiceFixture f = new ServiceFixture();

    @Test
    void nothingIsAnsweredBeforeAReadCachedTheOperation() {
        String id = f.created(OperationType.DATA_LOADING);

        assertThat(f.operations.cachedAnswer(id)).isNull();
        assertThat(f.operations.cachedAnswer("op_unknown")).isNull();
    }

    @Test
    void aReadWithinTheTtlIsTheCopyGetGave() {
        TestBridge bridge = new TestBridge();
        String id = f.running(bridge);
        bridge.progress(40, "epoch 4");
        OperationInfo read = f.operations.get(id, false);

        bridge.progress(50, "epoch 5");

        assertThat(f.operations.cachedAnswer(id)).isSameAs(read).isSameAs(f.operations.get(id, false));
    }

    @Test
    void afterTheTtlNothingIsAnsweredSoTheSourceIsReadAgain() {
        TestBridge bridge = new TestBridge();
        String id = f.running(bridge);
        f.operations.get(id, false);

        f.afterTtl();

        assertThat(f.operations.cachedAnswer(id)).isNull();
        bridge.progress(60, "epoch 6");
        assertThat(f.operations.get(id, false).progress().percentage()).isEqualTo(60.0);
    }

    @Test
    void aStatusChangeDropsTheCopy() {
        TestBridge bridge = new TestBridge();
        String id = f.running(bridge);
        f.operations.get(id, false);

        f.lifecycle.complete(id, Map.of("epochs_completed", 3));

        assertThat(f.operations.cachedAnswer(id)).isNull();
        assertThat(f.operations.get(id, false).status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(f.operations.cachedAnswer(id).status()).isEqualTo(OperationStatus.COMPLETED);
    }
}
