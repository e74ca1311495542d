package io.opsbridge.backend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.run.OperationRunner;
import io.opsbridge.core.service.OperationsService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Conditional reads as RFC 9110 has them: If-None-Match lists, weak tags and *, and what a 304 carries. */
@QuarkusTest
class ConditionalRequestsTest {

    @Inject
    OperationsService operations;
    @Inject
    OperationLifecycle lifecycle;
    @Inject
    OperationRunner runner;

    @Test
    void aListWeakTagsOrAStarGive304WhenAnyTagMatches() {
        CountDownLatch finish = new CountDownLatch(1);
        String id = runningJob(finish);
        long v = operations.get(id, true).version();

        assertThat(read(id, "\"" + (v - 1) + "\", \"" + v + "\"").statusCode()).isEqualTo(304);
        assertThat(read(id, "W/\"" + v + "\"").statusCode()).isEqualTo(304);
        assertThat(read(id, "\"0\",W/\"" + v + "\" ,\"" + (v + 9) + "\"").statusCode()).isEqualTo(304);
        assertThat(read(id, "*").statusCode()).isEqualTo(304);
        assertThat(read(id, "\"" + (v - 1) + "\", W/\"" + (v + 1) + "\"").statusCode()).isEqualTo(200);
        assertThat(read(id, "\"other\"").statusCode()).isEqualTo(200);
        finish.countDown();
    }

    @Test
    void a304CarriesTheETagCacheControlAndRetryAfterOfThe200() {
        CountDownLatch finish = new CountDownLatch(1);
        String id = runningJob(finish);
        Response full = read(id, null);
        Response notModified = read(id, full.header("ETag"));

        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(notModified.statusCode()).isEqualTo(304);
        for (String header : List.of("ETag", "Cache-Control", "Retry-After")) {
            assertThat(notModified.header(header)).as(header).isNotNull().isEqualTo(full.header(header));
        }
        assertThat(full.header("Cache-Control")).isEqualTo("private, max-age=" + full.header("Retry-After"));
        assertThat(notModified.header("Date")).isNotNull();
        assertThat(full.header("Date")).isNotNull();
        finish.countDown();
    }

    @Test
    void aFinishedOperationIsRevalidatedNeverImmutable() {
        CountDownLatch finish = new CountDownLatch(1);
        String id = runningJob(finish);
        finish.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> "completed".equals(read(id, null).jsonPath().getString("status")));
        Response full = read(id, null);
        Response notModified = read(id, full.header("ETag"));

        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(List.of(full, notModified)).allSatisfy(answer -> {
            assertThat(answer.header("Cache-Control")).isEqualTo("private, no-cache");
            assertThat(answer.header("Retry-After")).isNull();
        });
    }

    private static Response read(String id, String ifNoneMatch) {
        var request = given();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return request.get("/api/v1/operations/{id}", id);
    }

    /** A running job that stays at one version until {@code finish}. */
    private String runningJob(CountDownLatch finish) {
        LongPollAndExpiryTest.GateBridge bridge = new LongPollAndExpiryTest.GateBridge();
        OperationInfo created = lifecycle.create(OperationType.TRAINING,
                OperationMetadata.local(List.of("AAPL"), "1h", Map.of()));
        runner.submit(created, bridge, b -> {
            b.step(1);
            try {
                finish.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of("done", true);
        });
        String id = created.operationId();
        await().atMost(Duration.ofSeconds(10)).until(() -> operations.get(id, true).progress().percentage() == 1.0);
        return id;
    }
}
