package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.proxy.FakeHost;
import io.opsbridge.core.proxy.OperationServiceProxy;
import io.opsbridge.core.recovery.RemoteOperationsRecovery;
import io.opsbridge.core.service.OperationsCore;
import io.opsbridge.core.service.OperationsService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An operation that runs on a host, followed by pulling through the proxy and the same TTL cache. */
class OperationsServiceRemoteTest {

    private final ServiceFixture fixture = new ServiceFixture();
    private final OperationsService operations = fixture.operations;
    private final OperationLifecycle lifecycle = fixture.lifecycle;
    private final ProgressSources sources = fixture.sources;
    private final FakeHost host = new FakeHost("host_training_s1");
    private String id;
    private ExecutorService clients;

    @BeforeEach
    void remoteOperation() {
        id = lifecycle.create(OperationType.TRAINING, new OperationMetadata(List.of("AAPL"), "1h", "host",
                "host_training_s1", FakeHost.URL, "s1", Map.of())).operationId();
        fixture.hosts.put(FakeHost.URL, host.proxy());
        sources.register(id, fixture.core.hosts().source(id, FakeHost.URL, "host_training_s1"));
        lifecycle.start(id);
    }

    @AfterEach
    void stopClients() {
        if (clients != null) {
            clients.shutdownNow();
        }
    }

    @Test
    void queryPullsStateThenMetricsFromTheHost() {
        host.epoch(1, 3);

        OperationInfo info = operations.get(id, false);

        assertThat(info.operationId()).isEqualTo(id).isNotEqualTo("host_training_s1");
        assertThat(info.progress().currentStep()).isEqualTo("Epoch 1/3");
        assertThat(info.progress().context()).containsEntry("host_reachable", true);
        assertThat(info.metricsCount()).isEqualTo(1);
        assertThat(operations.metrics(id, 0).metrics()).extracting(m -> m.get("epoch")).containsExactly(1);
    }

    @Test
    void eightConcurrentQueriesWithinTtlCauseOneRemoteRefresh() throws Exception {
        host.epoch(1, 3);
        CountDownLatch release = new CountDownLatch(1);
        host.onGet(() -> await(release));
        clients = Executors.newFixedThreadPool(8);
        List<Future<OperationInfo>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(clients.submit(() -> operations.get(id, false)));
        }
        Thread.onSpinWait();
        release.countDown();
        for (Future<OperationInfo> answer : answers) {
            assertThat(answer.get(5, TimeUnit.SECONDS).progress().currentStep()).isEqualTo("Epoch 1/3");
        }
        // one refresh = one state call + one metrics call
        assertThat(host.calls()).isEqualTo(2);
    }

    @Test
    void cursorAdvancesOnlyByWhatWasReceivedAndEachEpochArrivesOnce() {
        host.epoch(1, 3);
        operations.get(id, true);
        host.epoch(2, 3);
        host.epoch(3, 3);
        operations.get(id, true);
        operations.get(id, true);

        assertThat(host.cursorsAsked()).as("the third refresh saw no new metric in the host's count: no metrics call")
                .containsExactly(0, 1);
        assertThat(operations.metrics(id, 0).metrics()).extracting(m -> m.get("epoch")).containsExactly(1, 2, 3);
    }

    @Test
    void theCompletionStepShapesTheRecordedResultOfAHostCompletion() {
        fixture.trainingHook = (record, hostResult) -> {
            assertThat(record.status()).isEqualTo(OperationStatus.RUNNING);
            Map<String, Object> result = new java.util.HashMap<>(hostResult);
            result.put("registry_version", "v7");
            return result;
        };
        host.finish(OperationStatus.COMPLETED, null);

        OperationInfo done = operations.get(id, false);

        assertThat(done.status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(done.resultSummary()).containsEntry("model_version", "host_training_s1")
                .containsEntry("registry_version", "v7");
    }

    @Test
    void aFailingCompletionStepStillCompletesAndSaysWhy() {
        fixture.trainingHook = (record, hostResult) -> {
            throw new IllegalStateException("artifact not found");
        };
        host.finish(OperationStatus.COMPLETED, null);

        OperationInfo done = operations.get(id, false);

        assertThat(done.status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(done.resultSummary()).containsEntry("model_version", "host_training_s1")
                .containsEntry("completion_error", "artifact not found")
                .containsEntry("warnings", java.util.List.of("completion step failed: artifact not found"));
    }

    @Test
    void hostCompletionIsDiscoveredOnlyWhenAClientAsks() {
        host.epoch(1, 1);
        host.finish(OperationStatus.COMPLETED, null);
        assertThat(fixture.store.find(id).orElseThrow().status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(host.calls()).isZero();

        OperationInfo done = operations.get(id, false);

        assertThat(done.status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(done.completedAt()).isNotNull();
        assertThat(done.resultSummary()).containsEntry("model_version", "host_training_s1");
        assertThat(done.progress().percentage()).isEqualTo(100.0);
        assertThat(operations.results(id).resultSummary()).isEqualTo(done.resultSummary());
        int calls = host.calls();
        fixture.afterTtl();
        operations.get(id, true);
        assertThat(host.calls()).as("a finished operation is never pulled again").isEqualTo(calls);
    }

    @Test
    void hostFailureFailsTheRecordWithTheHostsError() {
        host.finish(OperationStatus.FAILED, "no data for ZZZ");

        OperationInfo failed = operations.get(id, false);

        assertThat(failed.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("no data for ZZZ");
        assertThat(failed.completedAt()).isNotNull();
    }

    @Test
    void unreachableHostKeepsTheLastKnownProgressAndSaysSo() {
        host.epoch(2, 5);
        operations.get(id, false);
        host.down(true);
        fixture.afterTtl();

        OperationInfo info = operations.get(id, false);

        assertThat(info.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(info.progress().currentStep()).isEqualTo("Epoch 2/5");
        assertThat(info.progress().context()).containsEntry("host_reachable", false)
                .hasEntrySatisfying("last_host_error", e -> assertThat((String) e).contains("unreachable"));

        host.down(false);
        fixture.afterTtl();
        assertThat(operations.get(id, false).progress().context())
                .containsEntry("host_reachable", true).doesNotContainKey("last_host_error");
    }

    @Test
    void cancelIsSentToTheHostAndStaysCancelled() {
        host.epoch(1, 5);

        OperationInfo cancelled = lifecycle.cancel(id);

        assertThat(cancelled.status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(host.status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(cancelled.metricsCount()).isEqualTo(1);
        fixture.afterTtl();
        assertThat(operations.get(id, true).status()).isEqualTo(OperationStatus.CANCELLED);
    }

    @Test
    void cancellingWhatTheHostAlreadyCompletedIsRefusedAndShowsTheCompletion() {
        host.finish(OperationStatus.COMPLETED, null);

        assertThatThrownBy(() -> lifecycle.cancel(id)).isInstanceOf(IllegalTransitionException.class);

        assertThat(operations.get(id, false).status()).isEqualTo(OperationStatus.COMPLETED);
    }

    @Test
    void cancelWhileTheHostIsDownStillCancelsHere() {
        host.down(true);

        assertThat(lifecycle.cancel(id).status()).isEqualTo(OperationStatus.CANCELLED);
    }

    @Test
    void hostThatForgotTheOperationFailsIt() {
        FakeHost restarted = new FakeHost("host_training_other", "http://restarted-host:8081");
        fixture.hosts.put(restarted.url(), restarted.proxy());
        String lost = lifecycle.create(OperationType.TRAINING, ServiceFixture.metadata()).operationId();
        sources.register(lost, fixture.core.hosts().source(lost, restarted.url(), "host_training_s1"));
        lifecycle.start(lost);

        OperationInfo info = operations.get(lost, false);

        assertThat(info.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(info.errorMessage()).isEqualTo("host http://restarted-host:8081 does not know operation "
                + "host_training_s1: it never ran there, or the host lost its store (its opsbridge.data-dir)");
        assertThat(info.completedAt()).isNotNull();
    }

    @Test
    void operationTheHostsRetentionRemovedFailsSayingSo() {
        host.epoch(1, 3);
        operations.get(id, false);
        host.missing(410);

        OperationInfo info = operations.get(id, true);

        assertThat(info.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(info.errorMessage()).isEqualTo("host " + FakeHost.URL + " removed operation host_training_s1 "
                + "by its retention before its outcome was read here");
        assertThat(info.metricsCount()).as("what was copied before stays").isEqualTo(1);
    }

    @Test
    void operationTheHostNoLongerHasIsNotMistakenForAnUnreachableHost() {
        host.epoch(1, 3);
        operations.get(id, false);
        host.missing(404);

        OperationInfo info = operations.get(id, true);

        assertThat(info.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(info.errorMessage()).contains("does not know operation host_training_s1");
        assertThat(info.progress().context()).doesNotContainEntry("host_reachable", false);
    }

    @Test
    void aRestartedServiceFollowsOnFromTheMetricsItAlreadyHolds() {
        host.epoch(1, 3);
        operations.get(id, false);
        host.epoch(2, 3);
        Function<String, OperationServiceProxy> proxies = baseUrl -> {
            assertThat(baseUrl).isEqualTo(FakeHost.URL);
            return host.proxy();
        };
        OperationsCore restartedCore = TestCores.core(fixture.store, TestCores.quiet(ServiceFixture.TTL), fixture.ticker,
                fixture.clock).proxies(proxies).build();
        OperationsService restarted = restartedCore.operations();

        assertThat(new RemoteOperationsRecovery(fixture.store, restartedCore.sources()).reattach()).isEqualTo(1);

        assertThat(restarted.get(id, false).metricsCount()).isEqualTo(2);
        assertThat(restarted.metrics(id, 0).metrics()).extracting(m -> m.get("epoch")).containsExactly(1, 2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
