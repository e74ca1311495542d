package io.opsbridge.backend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.bridge.ProgressBridge;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.longpoll.VersionWaiters;
import io.opsbridge.core.run.OperationRunner;
import io.opsbridge.core.service.OperationsService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Long-poll, ETag / 304 and 410-versus-404 over HTTP, on the backend's H2 store. */
@QuarkusTest
class LongPollAndExpiryTest {

    /** A job that reports only when the test says so. */
    static final class GateBridge extends ProgressBridge {
        void step(double percentage) {
            updateState(w -> w.percentage(percentage).message("step at " + percentage));
        }
    }

    @Inject
    OperationsService operations;
    @Inject
    OperationLifecycle lifecycle;
    @Inject
    OperationRunner runner;
    @Inject
    VersionWaiters waiters;
    @TestHTTPResource("/api/v1/operations/")
    URI operationsUri;

    private String startQuietJob(GateBridge bridge, CountDownLatch finish) {
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
        await().atMost(Duration.ofSeconds(10)).until(() ->
                operations.get(id, true).progress().percentage() == 1.0);
        return id;
    }

    @Test
    void waitingClientIsAnsweredRightAfterProgressAndHoldsNoWorkerThread() throws Exception {
        GateBridge bridge = new GateBridge();
        CountDownLatch finish = new CountDownLatch(1);
        String id = startQuietJob(bridge, finish);
        long version = operations.get(id, true).version();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int clients = 300; // more than the default worker pool (200): only possible if a waiter holds no thread
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(operationsUri.resolve(id + "?wait=30s&since_version=" + version))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> waiters.waiterCount() == clients);
        assertThat(answers).noneMatch(CompletableFuture::isDone);

        long written = System.nanoTime();
        bridge.step(2);
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        long allAnsweredMillis = (System.nanoTime() - written) / 1_000_000;

        assertThat(answers).allSatisfy(a -> {
            assertThat(a.join().statusCode()).isEqualTo(200);
            assertThat(a.join().body()).contains("\"percentage\":2.0");
            assertThat(a.join().headers().firstValue("ETag")).contains("\"" + (version + 1) + "\"");
        });
        assertThat(allAnsweredMillis).as("all %d clients answered %d ms after the write", clients, allAnsweredMillis)
                .isLessThan(5_000);
        finish.countDown();
    }

    @Test
    void waitEndsWithTheUnchangedRecordAndIfNoneMatchGives304() {
        GateBridge bridge = new GateBridge();
        CountDownLatch finish = new CountDownLatch(1);
        String id = startQuietJob(bridge, finish);
        String etag = given().get("/api/v1/operations/{id}", id).then().statusCode(200).extract().header("ETag");

        long start = System.nanoTime();
        given().header("If-None-Match", etag).queryParam("wait", "300ms").get("/api/v1/operations/{id}", id)
                .then().statusCode(304).header("ETag", etag);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        given().header("If-None-Match", etag).get("/api/v1/operations/{id}", id).then().statusCode(304);

        finish.countDown();
        given().header("If-None-Match", etag).queryParam("wait", "30s").get("/api/v1/operations/{id}", id)
                .then().statusCode(200).body("status", equalTo("completed"));
    }

    @Test
    void badWaitParametersAre400() {
        GateBridge bridge = new GateBridge();
        CountDownLatch finish = new CountDownLatch(1);
        String id = startQuietJob(bridge, finish);
        given().queryParam("wait", "soon").get("/api/v1/operations/{id}", id).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("wait"));
        given().queryParam("wait", "1s").queryParam("since_version", "-1").get("/api/v1/operations/{id}", id)
                .then().statusCode(400).body("field", equalTo("since_version"));
        given().queryParam("wait", "1s").queryParam("since_version", "0").get("/api/v1/operations/{id}", "op_nope")
                .then().statusCode(404);
        finish.countDown();
    }

    @Test
    void expiredOperationIs410AndUnknownIs404() {
        GateBridge bridge = new GateBridge();
        CountDownLatch finish = new CountDownLatch(1);
        String id = startQuietJob(bridge, finish);
        finish.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> operations.get(id, true).status().isTerminal());

        TestTokens.asAdmin().queryParam("older_than", "0s").queryParam("force", true).post("/api/v1/admin/retention").then().statusCode(200)
                .body("deleted", greaterThanOrEqualTo(1));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().get("/api/v1/operations/{id}", id).then().statusCode(410)
                        .contentType("application/problem+json").body("status", equalTo(410)));
        given().get("/api/v1/operations/{id}/metrics", id).then().statusCode(410);
        given().get("/api/v1/operations/{id}", "op_training_20990101_000000_00000000").then().statusCode(404);
        TestTokens.asAdmin().queryParam("older_than", "soon").post("/api/v1/admin/retention").then().statusCode(400)
                .body("field", equalTo("older_than"));
    }
}
