package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.bridge.TestBridge;
import io.opsbridge.core.longpoll.VersionWaiters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Long-poll: answered right after a change, at the end of the wait otherwise, and no thread per waiter. */
class VersionWaitersTest {

    private final ServiceFixture fixture = new ServiceFixture();
    private final VersionWaiters waiters = new VersionWaiters(fixture.operations, fixture.sources, fixture.store, fixture.lifecycle,
            fixture.core.settings());
    private final TestBridge bridge = new TestBridge();
    private String id;
    private long version;

    @BeforeEach
    void runningOperation() {
        id = fixture.running(bridge);
        bridge.progress(10, "started");
        version = fixture.operations.get(id, true).version();
    }

    @AfterEach
    void stop() {
        waiters.shutdown();
    }

    @Test
    void waiterIsAnsweredWithinMillisecondsOfAProgressChange() throws Exception {
        CompletableFuture<OperationInfo> answer = waiters.await(id, version, Duration.ofSeconds(30)).toCompletableFuture();
        assertThat(answer).isNotDone();

        long written = System.nanoTime();
        bridge.progress(20, "moved");
        OperationInfo info = answer.get(5, TimeUnit.SECONDS);
        long latencyMicros = (System.nanoTime() - written) / 1_000;

        assertThat(info.version()).isGreaterThan(version);
        assertThat(info.progress().percentage()).isEqualTo(20.0);
        assertThat(latencyMicros).isLessThan(200_000);
        await().atMost(Duration.ofSeconds(2)).until(() -> waiters.waiterCount() == 0);
    }

    @Test
    void aChangeAlreadyPastTheVersionIsAnsweredAtOnce() throws Exception {
        bridge.progress(15, "moved before the client asked");

        OperationInfo info = waiters.await(id, version, Duration.ofSeconds(30)).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(info.progress().percentage()).isEqualTo(15.0);
    }

    @Test
    void withoutChangeTheWaitEndsWithTheUnchangedRecord() throws Exception {
        long start = System.nanoTime();

        OperationInfo info = waiters.await(id, version, Duration.ofMillis(150)).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(info.version()).isEqualTo(version);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(140));
        // the timer answers first and forgets the waiter right after
        await().atMost(Duration.ofSeconds(2)).until(() -> waiters.waiterCount() == 0);
    }

    @Test
    void completionWakesWaitersEvenWithoutABridgeWrite() throws Exception {
        CompletableFuture<OperationInfo> answer = waiters.await(id, version, Duration.ofSeconds(30)).toCompletableFuture();

        fixture.lifecycle.complete(id, Map.of("accuracy", 0.6));

        assertThat(answer.get(5, TimeUnit.SECONDS).status()).isEqualTo(OperationStatus.COMPLETED);
    }

    @Test
    void aThousandWaitersHoldNoThreadAndAreAllAnsweredByOneWrite() throws Exception {
        int threadsBefore = Thread.activeCount();
        List<CompletableFuture<OperationInfo>> answers = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            answers.add(waiters.await(id, version, Duration.ofSeconds(30)).toCompletableFuture());
        }
        await().pollInSameThread().atMost(Duration.ofSeconds(5)).until(() -> waiters.waiterCount() == 1_000);
        int readsBefore = bridge.snapshotReads();

        // 1,000 waiters, and at most the one timer thread more than before (slack for a JVM housekeeping thread)
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 2);
        long written = System.nanoTime();
        bridge.progress(50, "halfway");
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        long allAnsweredMillis = (System.nanoTime() - written) / 1_000_000;

        assertThat(answers).allSatisfy(a -> assertThat(a.join().progress().percentage()).isEqualTo(50.0));
        // wake-ups are coalesced: a handful of bridge reads for 1,000 waiters, not one each
        assertThat(bridge.snapshotReads() - readsBefore).isLessThanOrEqualTo(10);
        assertThat(allAnsweredMillis).isLessThan(1_000);
        await().atMost(Duration.ofSeconds(2)).until(() -> waiters.waiterCount() == 0);
    }
}
