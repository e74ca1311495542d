package io.opsbridge.core.hosts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.CapacityExceededException;
import io.opsbridge.core.proxy.HostHttp;
import io.opsbridge.core.proxy.HostTimeoutException;
import io.opsbridge.core.proxy.HostUnreachableException;
import io.opsbridge.core.proxy.OperationServiceProxies;
import io.opsbridge.core.proxy.RestClients;
import io.opsbridge.core.service.OperationsCore;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.InMemoryOperationStore;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.ConfigMapping;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Starting host work against real HTTP hosts (WireMock on random ports) and a real in-memory core:
 * round robin, skipping hosts that are down or full, what a host's refusal becomes, and host lists
 * and timeouts read from the settings at each start. Every object is built here by hand;
 * {@code @QuarkusTest} only because the Quarkus REST client needs a running ArC to be built.
 */
@QuarkusTest
class HostStarterTest {

    /** A routing section of its own, as an application declares one. */
    @ConfigMapping(prefix = "test.routing")
    public interface TestRouting extends RoutingConfig {
    }

    /** A request type of its own, as an application declares one. */
    public record TestLoad(List<String> symbols, String timeframe, String mode) implements WorkRequest {

        @Override
        public TestLoad withMode(String newMode) {
            return new TestLoad(symbols, timeframe, newMode);
        }

        @Override
        public Map<String, Object> toParameters() {
            return Map.of("source", "sample");
        }
    }

    private static final WorkType DATA = new WorkType("data", OperationType.DATA_LOADING, "/data/load",
            TestRouting.class);
    private static final TestLoad LOAD = new TestLoad(List.of("AAPL"), "1h", WorkRequest.MODE_HOST);

    private final WireMockServer a = new WireMockServer(wireMockConfig().dynamicPort());
    private final WireMockServer b = new WireMockServer(wireMockConfig().dynamicPort());
    private final String down = "http://127.0.0.1:" + freePort();
    @Inject
    HostHttp http;
    private Settings settings;
    private OperationsCore core;
    private WorkRouter<TestLoad> router;

    @BeforeEach
    void start() {
        a.start();
        b.start();
        settings = new Settings(settings(Map.of()));
        RestClients clients = new RestClients(settings);
        core = OperationsCore.builder(new InMemoryOperationStore()).settings(settings)
                .proxies(new OperationServiceProxies(clients, http)::forHost).build();
        HostedOperations hosted = new HostedOperations(core.lifecycle(), core.sources());
        LocalWork<TestLoad> nothingLocal = new LocalWork<>(r -> r, r -> r, (created, valid) -> created);
        router = new WorkRouters(settings, clients, hosted, core.lifecycle()).router(DATA, nothingLocal);
    }

    @AfterEach
    void stop() {
        a.stop();
        b.stop();
    }

    @Test
    void eachStartGoesToTheNextHostInTurn() {
        hosts(a.baseUrl(), b.baseUrl() + "/", a.baseUrl());
        accepts(a, "s1");
        accepts(b, "s2");

        List<String> landed = List.of(router.start(LOAD), router.start(LOAD), router.start(LOAD)).stream()
                .map(op -> op.metadata().hostServiceUrl()).toList();

        assertThat(landed).containsExactly(a.baseUrl(), b.baseUrl(), a.baseUrl());
    }

    @Test
    void anAcceptedStartIsRecordedRunningAndFollowsTheHostsOperation() {
        hosts(a.baseUrl());
        accepts(a, "s1");

        OperationInfo started = router.start(LOAD);

        assertThat(started.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(started.operationType()).isEqualTo(OperationType.DATA_LOADING);
        assertThat(started.metadata().mode()).isEqualTo("host");
        assertThat(started.metadata().hostOperationId()).isEqualTo("host_data_s1");
        assertThat(started.metadata().sessionId()).isEqualTo("s1");
        assertThat(started.metadata().parameters()).containsEntry("source", "sample");
        a.verify(postRequestedFor(urlEqualTo("/data/load"))
                .withRequestBody(equalToJson("{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"mode\":\"local\"}")));
    }

    @Test
    void aHostIsPostedWhatTheTypeMakesOfTheRequestWithTheOperationIdItIsRecordedAs() {
        hosts(a.baseUrl());
        accepts(a, "s1");
        LocalWork<TestLoad> nothingLocal = new LocalWork<>(r -> r, r -> r, (created, valid) -> created);
        WorkRouter<TestLoad> keyed = new WorkRouters(settings, new RestClients(settings),
                new HostedOperations(core.lifecycle(), core.sources()), core.lifecycle())
                .router(DATA, nothingLocal, (request, operationId) -> Map.of("symbols", request.symbols(),
                        "mode", request.mode(), "key", operationId));

        OperationInfo started = keyed.start(LOAD);

        assertThat(started.operationId()).startsWith("op_data_loading_");
        a.verify(postRequestedFor(urlEqualTo("/data/load")).withRequestBody(equalToJson(
                "{\"symbols\":[\"AAPL\"],\"mode\":\"local\",\"key\":\"" + started.operationId() + "\"}")));
    }

    @Test
    void anUnreachableHostIsSkippedForTheNextOne() {
        hosts(down, a.baseUrl());
        accepts(a, "s1");

        assertThat(router.start(LOAD).metadata().hostServiceUrl()).isEqualTo(a.baseUrl());
        assertThat(router.start(LOAD).metadata().hostServiceUrl()).isEqualTo(a.baseUrl());
    }

    @Test
    void aFullHostIsSkippedForTheNextOne() {
        hosts(a.baseUrl(), b.baseUrl());
        full(a);
        accepts(b, "s2");

        assertThat(router.start(LOAD).metadata().hostServiceUrl()).isEqualTo(b.baseUrl());
        a.verify(1, postRequestedFor(urlEqualTo("/data/load")));
    }

    @Test
    void everyHostFullIs503CapacityExceededAndRecordsNothing() {
        hosts(a.baseUrl(), down, b.baseUrl());
        full(a);
        full(b);

        assertThatThrownBy(() -> router.start(LOAD)).isInstanceOf(CapacityExceededException.class)
                .hasMessageContaining("every data host is busy");
        a.verify(1, postRequestedFor(urlEqualTo("/data/load")));
        b.verify(1, postRequestedFor(urlEqualTo("/data/load")));
        assertThat(recorded()).isZero();
    }

    @Test
    void noHostReachableIs503UnreachableAndRecordsNothing() {
        hosts(down);

        assertThatThrownBy(() -> router.start(LOAD)).isInstanceOf(HostUnreachableException.class)
                .hasMessageContaining("no data host is reachable (tried " + down + ")");
        assertThat(recorded()).isZero();
    }

    @Test
    void aRefusedRequestIs400NamingTheHostsFieldInTheHostsWordsAndIsNotRetriedElsewhere() {
        hosts(a.baseUrl(), b.baseUrl());
        a.stubFor(post("/data/load").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:opsbridge:problem:invalid-request\",\"title\":\"Invalid request\","
                        + "\"status\":400,\"detail\":\"symbols: source 'csv' has no data for AAPL\","
                        + "\"field\":\"symbols\"}")));
        accepts(b, "s2");

        assertThatThrownBy(() -> router.start(LOAD))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("symbols"))
                .hasMessage("symbols: data host " + a.baseUrl() + " refused the request: source 'csv' has no data for AAPL");
        b.verify(0, postRequestedFor(urlEqualTo("/data/load")));
        assertThat(recorded()).isZero();
    }

    @Test
    void aChangedHostListTakesEffectAtTheNextStart() {
        hosts(a.baseUrl());
        accepts(a, "s1");
        accepts(b, "s2");
        assertThat(router.start(LOAD).metadata().hostServiceUrl()).isEqualTo(a.baseUrl());

        hosts(b.baseUrl());

        assertThat(router.start(LOAD).metadata().hostServiceUrl()).isEqualTo(b.baseUrl());
        assertThat(router.start(LOAD).metadata().hostServiceUrl()).isEqualTo(b.baseUrl());
    }

    @Test
    void theDefaultModeAndTheHostListAreReadAtEachRequest() {
        TestLoad noMode = new TestLoad(List.of("AAPL"), "1h", null);
        hosts(a.baseUrl());
        assertThat(router.validate(noMode).mode()).isEqualTo("local");

        settings.apply(settings(Map.of("test.routing.default-mode", "host", "test.routing.hosts", a.baseUrl())));
        assertThat(router.validate(noMode).mode()).isEqualTo("host");

        settings.apply(settings(Map.of("test.routing.default-mode", "host")));
        assertThatThrownBy(() -> router.validate(noMode)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("no data hosts are configured (test.routing.hosts)");
    }

    @Test
    void aChangedReadTimeoutReachesTheNextStart() {
        hosts(a.baseUrl());
        a.stubFor(post("/data/load").willReturn(started("s1").withFixedDelay(800)));
        settings.apply(settings(Map.of("test.routing.hosts", a.baseUrl(), "opsbridge.proxy.read-timeout", "200ms")));
        assertThatThrownBy(() -> router.start(LOAD)).isInstanceOf(HostTimeoutException.class);

        settings.apply(settings(Map.of("test.routing.hosts", a.baseUrl(), "opsbridge.proxy.read-timeout", "5s")));

        assertThat(router.start(LOAD).metadata().hostOperationId()).isEqualTo("host_data_s1");
    }

    private void hosts(String... urls) {
        settings.apply(settings(Map.of("test.routing.hosts", String.join(",", urls))));
    }

    private static RuntimeSettings settings(Map<String, String> routing) {
        Map<String, String> properties = new HashMap<>(Map.of("opsbridge.proxy.connect-timeout", "1s",
                "opsbridge.proxy.read-timeout", "2s"));
        properties.putAll(routing);
        return RuntimeSettings.of(properties, TestRouting.class);
    }

    private long recorded() {
        return core.operations().list(new OperationQuery(null, null, 10, 0)).total();
    }

    private static void accepts(WireMockServer host, String session) {
        host.stubFor(post("/data/load").willReturn(started(session)));
    }

    private static ResponseDefinitionBuilder started(String session) {
        return aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                .withBody("{\"session_id\":\"" + session + "\",\"operation_id\":\"host_data_" + session
                        + "\",\"status\":\"pending\"}");
    }

    private static void full(WireMockServer host) {
        host.stubFor(post("/data/load").willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json").withHeader("Retry-After", "5")
                .withBody("{\"type\":\"urn:opsbridge:problem:capacity-exceeded\",\"title\":\"No worker available\","
                        + "\"status\":503,\"detail\":\"all workers busy\"}")));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
