package io.opsbridge.backend.hosts;

import static io.opsbridge.backend.metrics.Scrapes.scrape;
import static io.opsbridge.backend.metrics.Scrapes.value;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.backend.longpoll.LongPollingClients;
import io.opsbridge.backend.longpoll.LongPollingClients.Answer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ten clients long-poll a training running on a real host, through the backend: the backend keeps
 * one long-poll open on the host for all of them, whose answer is the refresh (no second GET), and
 * fetches a metrics page only when the host's answer counts new epochs. Host calls are counted in
 * the host's own access log.
 */
@QuarkusTest
@TestProfile(WithTrainingHost.class)
class HostLongPollCostIT {

    private static final String LONG_HOST_TRAINING = "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":400,"
            + "\"batch_size\":16,\"seed\":7,\"mode\":\"host\"}";
    private static final int CLIENTS = 10;
    private static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    @TrainingHostProcess.Inject
    TrainingHostProcess host;

    @TestHTTPResource("/api/v1/operations/")
    URI operations;

    @Test
    void tenClientsShareOneUpstreamLongPollAndOneMetricsPagePerNewEpoch() throws Exception {
        JsonPath started = given().contentType("application/json").body(LONG_HOST_TRAINING).post("/api/v1/trainings")
                .then().statusCode(202).extract().jsonPath();
        String id = started.getString("operation_id");
        String onHost = "/api/v1/operations/" + started.getString("metadata.host_operation_id");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().queryParam("force_refresh", true).get("/api/v1/operations/{id}", id).jsonPath()
                        .getInt("metrics_count") >= 1);
        int epochsBefore = given().queryParam("force_refresh", true).get("/api/v1/operations/{id}", id).jsonPath()
                .getInt("metrics_count");
        long readsBefore = host.requestsTo(onHost + "?");
        long pagesBefore = host.requestsTo(onHost + "/metrics");

        LongPollingClients.Run run = LongPollingClients.followReadingWaiters(operations.resolve(id), CLIENTS,
                Duration.ofSeconds(4));
        double mostWaiting = run.mostWaiting();
        List<List<Answer>> answers = run.answers();
        int epochsAfter = given().get("/api/v1/operations/{id}", id).jsonPath().getInt("metrics_count");
        // the access log is written behind the answers: a request of our own marks where the window ends
        long marks = host.requestsTo("/q/health/live");
        given().get(host.url() + "/q/health/live").then().statusCode(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> host.requestsTo("/q/health/live") > marks);
        long hostReads = host.requestsTo(onHost + "?") - readsBefore;
        long metricsPages = host.requestsTo(onHost + "/metrics") - pagesBefore;
        given().post("/api/v1/operations/{id}/cancel", id).then().statusCode(200);

        assertThat(mostWaiting).as("the waiters gauge at its highest while they followed").isEqualTo(CLIENTS);
        int fewestAnswers = answers.stream().mapToInt(List::size).min().orElseThrow();
        assertThat(fewestAnswers).as("answers per client in 4 s").isGreaterThanOrEqualTo(5);
        assertThat(hostReads).as("reads of the host while %d clients each got at least %d answers", CLIENTS,
                fewestAnswers).isLessThanOrEqualTo((long) (1.5 * fewestAnswers));
        assertThat(metricsPages).as("metrics pages fetched for %d new epochs", epochsAfter - epochsBefore)
                .isLessThanOrEqualTo(epochsAfter - epochsBefore + 1L);
        for (List<Answer> client : answers) {
            assertThat(client).extracting(Answer::version).isSorted().doesNotHaveDuplicates();
            for (int i = 2; i < client.size(); i++) {
                assertThat(Duration.between(client.get(i - 1).readAt(), client.get(i).readAt()))
                        .as("gap before answer %d of %s", i, client).isGreaterThanOrEqualTo(MIN_INTERVAL);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> value(scrape(), "opsbridge_longpoll_waiters") == 0);
    }
}
