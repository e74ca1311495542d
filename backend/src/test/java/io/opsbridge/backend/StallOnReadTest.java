package io.opsbridge.backend;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationType;
import io.opsbridge.backend.LongPollAndExpiryTest.GateBridge;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.run.OperationRunner;
import io.opsbridge.core.service.OperationsService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A training whose worker blocks: clients see it stalled, then failed, with no timer involved. */
@QuarkusTest
@TestProfile(StallOnReadTest.ShortStallLimits.class)
class StallOnReadTest {

    /**
     * Shrinks the training stall limits instead of making the test sleep for minutes. Fail-after
     * leaves a few seconds between the two, so a first read delayed on a loaded machine still sees
     * the operation stalled before it is failed.
     */
    public static class ShortStallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opsbridge.stall.training.stall-after", "500ms",
                    "opsbridge.stall.training.fail-after", "7s");
        }
    }

    @Inject
    OperationsService operations;
    @Inject
    OperationLifecycle lifecycle;
    @Inject
    OperationRunner runner;

    @Test
    void blockedWorkerIsReportedStalledThenFailed() throws Exception {
        given().get("/q/health/ready").then().statusCode(200); // the HTTP client is warm before the clock matters
        GateBridge bridge = new GateBridge();
        CountDownLatch blocked = new CountDownLatch(1);
        OperationInfo created = lifecycle.create(OperationType.TRAINING,
                OperationMetadata.local(List.of("AAPL"), "1h", Map.of()));
        runner.submit(created, bridge, b -> {
            b.step(10);
            try {
                blocked.await(1, TimeUnit.MINUTES); // the worker hangs, e.g. on a dead data source
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of();
        });
        String id = created.operationId();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                given().get("/api/v1/operations/{id}", id).then().statusCode(200)
                        .body("status", equalTo("running"))
                        .body("progress.context.stalled", equalTo(true)));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                given().get("/api/v1/operations/{id}", id).then().statusCode(200)
                        .body("status", equalTo("failed"))
                        .body("error_message", startsWith("stalled: no progress for")));
        blocked.countDown();
    }
}
