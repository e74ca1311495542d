package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.core.bridge.TestBridge;
import io.opsbridge.core.service.OperationsService;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/**
 * A read costs no thread: the cache's own bookkeeping when a read completes runs where the read
 * completes. Caffeine's default executor is the common pool, which {@code CompletableFuture} turns
 * into one new thread per task where the pool's parallelism is 1 (a machine of 2 cores): every
 * forced read used to start two threads (bench/http.sh saw about 8,000 in one run).
 */
class ForcedReadThreadsTest {

    private final ServiceFixture fixture = new ServiceFixture();
    private final OperationsService operations = fixture.operations;
    private final TestBridge bridge = new TestBridge();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Test
    void forcedReadsStartNoThread() {
        String id = fixture.running(bridge);
        operations.get(id, true);
        long started = threads.getTotalStartedThreadCount();

        for (int i = 0; i < 200; i++) {
            bridge.progress(i / 2.0, "batch " + i);
            assertThat(operations.get(id, true).progress().percentage()).isEqualTo(i / 2.0);
        }

        assertThat(threads.getTotalStartedThreadCount() - started).isZero();
    }
}
