package io.opsbridge.core.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.Settings;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proxies built through {@link RestClients} read the proxy timeouts when they are asked for: one
 * proxy per host while the timeouts stay, a new one for the next caller once they change.
 * {@code @QuarkusTest} for the application's {@link HostHttp}, and because the Quarkus REST client needs a running
 * ArC to be built.
 */
@QuarkusTest
class OperationServiceProxiesTest {

    private final WireMockServer host = new WireMockServer(wireMockConfig().dynamicPort());
    private final Settings settings = new Settings(timeouts("2s"));
    @Inject
    HostHttp http;
    private OperationServiceProxies proxies;

    @BeforeEach
    void start() {
        proxies = new OperationServiceProxies(new RestClients(settings), http);
        host.start();
        host.stubFor(get(urlPathEqualTo("/api/v1/operations/" + OperationServiceProxyTest.HOST_ID))
                .willReturn(okJson(OperationServiceProxyTest.OPERATION).withFixedDelay(800)));
    }

    @AfterEach
    void stop() {
        host.stop();
    }

    @Test
    void oneProxyPerHostWhileTheTimeoutsStay() {
        assertThat(proxies.forHost(host.baseUrl())).isSameAs(proxies.forHost(host.baseUrl() + "/"));
    }

    @Test
    void aChangedReadTimeoutReachesTheNextCaller() {
        settings.apply(timeouts("200ms"));
        OperationServiceProxy impatient = proxies.forHost(host.baseUrl());
        assertThatThrownBy(() -> HostAnswersJoined.of(impatient.get(OperationServiceProxyTest.HOST_ID, false)))
                .isInstanceOf(HostTimeoutException.class);

        settings.apply(timeouts("5s"));
        OperationServiceProxy patient = proxies.forHost(host.baseUrl());

        assertThat(patient).isNotSameAs(impatient);
        assertThat(HostAnswersJoined.of(patient.get(OperationServiceProxyTest.HOST_ID, false)).operationId())
                .isEqualTo(OperationServiceProxyTest.HOST_ID);
    }

    @Test
    void aChangedHostTokenIsSentByTheNextCallersReads() {
        host.stubFor(get(urlPathEqualTo("/api/v1/operations/" + OperationServiceProxyTest.HOST_ID))
                .willReturn(okJson(OperationServiceProxyTest.OPERATION)));
        settings.apply(RuntimeSettings.of(Map.of("opsbridge.proxy.token", "first-token")));
        HostAnswersJoined.of(proxies.forHost(host.baseUrl()).get(OperationServiceProxyTest.HOST_ID, true));

        settings.apply(RuntimeSettings.of(Map.of("opsbridge.proxy.token", "second-token")));
        HostAnswersJoined.of(proxies.forHost(host.baseUrl()).changeAfter(OperationServiceProxyTest.HOST_ID, 3,
                Duration.ofMillis(10)));

        host.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/operations/" + OperationServiceProxyTest.HOST_ID))
                .withHeader("Authorization", equalTo("Bearer first-token")));
        host.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/operations/" + OperationServiceProxyTest.HOST_ID))
                .withHeader("Authorization", equalTo("Bearer second-token")));
    }

    private static RuntimeSettings timeouts(String read) {
        return RuntimeSettings.of(Map.of("opsbridge.proxy.connect-timeout", "1s", "opsbridge.proxy.read-timeout", read));
    }
}
