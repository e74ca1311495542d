package io.opsbridge.backend.longpoll;

import static io.opsbridge.backend.metrics.Scrapes.delta;
import static io.opsbridge.backend.metrics.Scrapes.scrape;
import static io.opsbridge.backend.metrics.Scrapes.value;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.backend.longpoll.LongPollingClients.Answer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ten clients long-poll one running local training, which writes its bridge on every batch: the
 * service reads the bridge about once per answer, not once per write, and answers each client at
 * most once per {@code opsbridge.longpoll.min-interval} (100 ms by default), versions only rising.
 * Counted from {@code /q/metrics}, as an operator would.
 */
@QuarkusTest
class LocalLongPollCostTest {

    private static final String LONG_TRAINING =
            "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":500,\"batch_size\":16,\"seed\":5}";
    private static final int CLIENTS = 10;
    private static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    @TestHTTPResource("/api/v1/operations/")
    URI operations;

    @Test
    void tenClientsCostAboutOneBridgeReadPerAnswerAndAreAnsweredAtMostOncePerInterval() throws Exception {
        String id = given().contentType("application/json").body(LONG_TRAINING).post("/api/v1/trainings")
                .then().statusCode(202).extract().path("operation_id");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().queryParam("force_refresh", true).get("/api/v1/operations/{id}", id).jsonPath()
                        .getDouble("progress.percentage") > 0);
        String before = scrape();

        LongPollingClients.Run run = LongPollingClients.followReadingWaiters(operations.resolve(id), CLIENTS,
                Duration.ofSeconds(4));
        double mostWaiting = run.mostWaiting();
        List<List<Answer>> answers = run.answers();
        String after = scrape();
        given().post("/api/v1/operations/{id}/cancel", id).then().statusCode(200);

        assertThat(mostWaiting).as("the waiters gauge at its highest while they followed").isEqualTo(CLIENTS);
        int fewestAnswers = answers.stream().mapToInt(List::size).min().orElseThrow();
        double bridgeReads = delta(before, after, "opsbridge_refresh_seconds_count{source=\"local\"}");
        assertThat(fewestAnswers).as("answers per client in 4 s").isGreaterThanOrEqualTo(5);
        assertThat(bridgeReads).as("bridge reads while %d clients each got at least %d answers", CLIENTS, fewestAnswers)
                .isLessThanOrEqualTo(1.5 * fewestAnswers);
        for (List<Answer> client : answers) {
            assertThat(client).extracting(Answer::version).isSorted().doesNotHaveDuplicates();
            // timed by the server (updated_at: when it read the bridge), as receive times carry the client's scheduling;
            // the first answer is the state at once (the client knew nothing), every later one a wake-up
            for (int i = 2; i < client.size(); i++) {
                Duration gap = Duration.between(client.get(i - 1).readAt(), client.get(i).readAt());
                assertThat(gap).as("gap before answer %d of %s", i, client).isGreaterThanOrEqualTo(MIN_INTERVAL);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> value(scrape(), "opsbridge_longpoll_waiters") == 0);
    }
}
