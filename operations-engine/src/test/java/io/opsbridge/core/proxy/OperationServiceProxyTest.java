package io.opsbridge.core.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy against a WireMock host on a random port: every answer and failure has its own outcome. */
@QuarkusTest
class OperationServiceProxyTest {

    static final String HOST_ID = "host_training_abc";
    static final String OPERATION = """
            {"operation_id":"host_training_abc","operation_type":"training","status":"running",
             "created_at":"2026-11-24T09:00:00Z","started_at":"2026-11-24T09:00:01Z","updated_at":"2026-11-24T09:00:02Z",
             "progress":{"percentage":42.5,"message":"Training","current_step":"Epoch 2/5","steps_completed":1,
                         "steps_total":5,"items_processed":10,"items_total":50,"context":{"epoch":2}},
             "metadata":{"symbols":["AAPL"],"timeframe":"1h","mode":"local","session_id":"abc"},
             "metrics_count":1,"version":7,"some_future_field":true}""";

    static WireMockServer host;

    @Inject
    HostHttp http;

    @BeforeAll
    static void startHost() {
        host = new WireMockServer(wireMockConfig().dynamicPort());
        host.start();
    }

    @AfterAll
    static void stopHost() {
        host.stop();
    }

    @BeforeEach
    void reset() {
        host.resetAll();
    }

    private OperationServiceProxy proxy() {
        return proxy(host.baseUrl() + "/", Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    private OperationServiceProxy proxy(String url, Duration connect, Duration read) {
        return new OperationServiceProxy(url, new HostTimeouts(connect, read), http);
    }

    @Test
    void getsTheOperationAndSendsForceRefreshAsQueryParam() {
        host.stubFor(get(urlPathEqualTo("/api/v1/operations/" + HOST_ID)).willReturn(okJson(OPERATION)));

        OperationInfo info = HostAnswersJoined.of(proxy().get(HOST_ID, true));

        assertThat(info.operationId()).isEqualTo(HOST_ID);
        assertThat(info.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(info.progress().currentStep()).isEqualTo("Epoch 2/5");
        assertThat(info.metadata().sessionId()).isEqualTo("abc");
        host.verify(getRequestedFor(urlPathEqualTo("/api/v1/operations/" + HOST_ID))
                .withQueryParam("force_refresh", equalTo("true")));
    }

    @Test
    void trailingSlashesInTheBaseUrlAreTolerated() {
        host.stubFor(get(urlPathEqualTo("/api/v1/operations/" + HOST_ID)).willReturn(okJson(OPERATION)));
        OperationServiceProxy slashes = proxy(host.baseUrl() + "//", Duration.ofSeconds(1),
                Duration.ofSeconds(1));

        assertThat(slashes.baseUrl()).isEqualTo(host.baseUrl());
        assertThat(HostAnswersJoined.of(slashes.get(HOST_ID, false)).operationId()).isEqualTo(HOST_ID);
    }

    @Test
    void getsMetricsAfterTheCursorSentAsQueryParam() {
        host.stubFor(get(urlPathEqualTo("/api/v1/operations/" + HOST_ID + "/metrics")).willReturn(okJson(
                "{\"operation_id\":\"" + HOST_ID + "\",\"metrics\":[{\"epoch\":3,\"val_loss\":0.5}],\"new_cursor\":3}")));

        MetricsResponse page = HostAnswersJoined.of(proxy().metrics(HOST_ID, 2));

        assertThat(page.metrics()).extracting(m -> m.get("epoch")).containsExactly(3);
        assertThat(page.newCursor()).isEqualTo(3);
        host.verify(getRequestedFor(urlPathEqualTo("/api/v1/operations/" + HOST_ID + "/metrics"))
                .withQueryParam("cursor", equalTo("2")));
    }

    @Test
    void theLongPollSendsTheWaitAndTheVersionAndKeepsTheOperationTheHostAnswers() {
        host.stubFor(get(urlPathEqualTo("/api/v1/operations/" + HOST_ID)).willReturn(okJson(OPERATION)));

        OperationInfo changed = HostAnswersJoined.of(proxy().changeAfter(HOST_ID, 6, Duration.ofSeconds(30)));

        assertThat(changed.version()).isEqualTo(7);
        assertThat(changed.progress().percentage()).isEqualTo(42.5);
        // bounded by the read timeout (2 s) less the margin, so the call never times out first
        host.verify(getRequestedFor(urlPathEqualTo("/api/v1/operations/" + HOST_ID))
                .withQueryParam("wait", equalTo("1500ms")).withQueryParam("since_version", equalTo("6")));
    }

    @Test
    void anErrorPageThatIsNoProblemIsARefusalWithItsStatus() {
        host.stubFor(get(urlPathEqualTo("/api/v1/operations/" + HOST_ID)).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Bad Gateway</body></html>")));

        assertThatThrownBy(() -> HostAnswersJoined.of(proxy().get(HOST_ID, false)))
                .isInstanceOfSatisfying(HostRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.detail()).isNull();
                });
    }

    @Test
    void unknownOperationIsNotFound() {
        host.stubFor(get(urlPathEqualTo("/api/v1/operations/nope")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:opsbridge:problem:not-found\",\"title\":\"Operation not found\","
                        + "\"status\":404,\"detail\":\"operation 'nope' not found\"}")));

        assertThatThrownBy(() -> HostAnswersJoined.of(proxy().get("nope", false)))
                .isInstanceOf(HostNotFoundException.class)
                .hasMessageContaining("404").hasMessageContaining("operation 'nope' not found");
    }

    @Test
    void operationRemovedByTheHostsRetentionIsNotFoundAndSaysSo() {
        host.stubFor(get(urlPathEqualTo("/api/v1/operations/old")).willReturn(aResponse().withStatus(410)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:opsbridge:problem:gone\",\"title\":\"Operation gone\","
                        + "\"status\":410,\"detail\":\"operation 'old' was deleted by retention\"}")));

        assertThatThrownBy(() -> HostAnswersJoined.of(proxy().get("old", false)))
                .isInstanceOfSatisfying(HostNotFoundException.class, e -> {
                    assertThat(e.removed()).isTrue();
                    assertThat(e.reason("old")).contains("removed operation old by its retention");
                })
                .hasMessageContaining("410");
    }

    @Test
    void refusedCancelCarriesTheHostsStatusAndDetail() {
        host.stubFor(post(urlPathEqualTo("/api/v1/operations/" + HOST_ID + "/cancel")).willReturn(aResponse()
                .withStatus(409).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:opsbridge:problem:illegal-transition\",\"title\":\"Illegal status change\","
                        + "\"status\":409,\"detail\":\"completed cannot become cancelled\"}")));

        assertThatThrownBy(() -> proxy().cancel(HOST_ID))
                .isInstanceOfSatisfying(HostRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.detail()).isEqualTo("completed cannot become cancelled");
                });
    }

    @Test
    void slowHostIsATimeout() {
        host.stubFor(get(urlPathEqualTo("/api/v1/operations/" + HOST_ID))
                .willReturn(okJson(OPERATION).withFixedDelay(3_000)));

        OperationServiceProxy impatient = proxy(host.baseUrl(), Duration.ofSeconds(2),
                Duration.ofMillis(300));

        long start = System.nanoTime();
        assertThatThrownBy(() -> HostAnswersJoined.of(impatient.get(HOST_ID, false))).isInstanceOf(HostTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void refusedConnectionIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OperationServiceProxy nobody = proxy("http://127.0.0.1:" + closedPort,
                Duration.ofMillis(500), Duration.ofMillis(500));

        assertThatThrownBy(() -> HostAnswersJoined.of(nobody.get(HOST_ID, false)))
                .isInstanceOf(HostUnreachableException.class)
                .hasMessageContaining("unreachable");
    }

    @Test
    void malformedJsonIsAnInvalidResponse() {
        host.stubFor(get(urlPathEqualTo("/api/v1/operations/" + HOST_ID))
                .willReturn(okJson("{\"operation_id\": \"host_training_abc\", \"status\": ")));

        assertThatThrownBy(() -> HostAnswersJoined.of(proxy().get(HOST_ID, false)))
                .isInstanceOf(HostInvalidResponseException.class)
                .hasMessageContaining("invalid JSON");
    }

    @Test
    void notAnUrlIsRefusedUpFront() {
        assertThatThrownBy(() -> proxy("gpu-1:8081", Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
