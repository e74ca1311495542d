package io.opsbridge.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Each way of not reaching a server is named for what it is, as the JDK client reports it. */
class NetworkFailureTest {

    private static final URI BASE = URI.create("http://ops.example.com:8080");

    @Test
    void aNameThatDoesNotResolveIsDnsNotARefusal() {
        ConnectException wrapped = new ConnectException();
        wrapped.initCause(new UnresolvedAddressException());
        assertThat(NetworkFailure.why(BASE, wrapped)).isEqualTo("the host name ops.example.com does not resolve (DNS)");
    }

    @Test
    void refusedTlsAndTimeoutsAreNamed() {
        assertThat(NetworkFailure.why(BASE, new ConnectException())).isEqualTo("connection refused");
        assertThat(NetworkFailure.why(BASE, new IOException(new SSLHandshakeException("no cipher"))))
                .isEqualTo("TLS failed: no cipher");
        assertThat(NetworkFailure.why(BASE, new HttpConnectTimeoutException("x"))).isEqualTo("connection timed out");
        assertThat(NetworkFailure.why(BASE, new HttpTimeoutException("x"))).isEqualTo("no answer in time");
    }
}
