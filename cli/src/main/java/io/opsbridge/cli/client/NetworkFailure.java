package io.opsbridge.cli.client;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * Why nobody answered at the server's address, named truly: the name does not resolve (DNS), the
 * port refused the connection, TLS failed, or no answer came in time. The JDK's client wraps a DNS
 * failure in a {@link ConnectException}, so the cause chain is read before the outer type.
 */
final class NetworkFailure {

    private NetworkFailure() {
    }

    /** {@code cannot reach the OpsBridge server at URL (why); hint}. */
    static String describe(URI base, Throwable e) {
        return "cannot reach the OpsBridge server at " + base + " (" + why(base, e) + "); " + hint(e);
    }

    static String why(URI base, Throwable e) {
        if (has(e, UnresolvedAddressException.class) || has(e, UnknownHostException.class)) {
            return "the host name " + base.getHost() + " does not resolve (DNS)";
        }
        if (has(e, SSLException.class)) {
            return "TLS failed: " + message(find(e, SSLException.class));
        }
        if (has(e, HttpConnectTimeoutException.class)) {
            return "connection timed out";
        }
        if (has(e, HttpTimeoutException.class)) {
            return "no answer in time";
        }
        if (has(e, ConnectException.class)) {
            return "connection refused";
        }
        return message(e);
    }

    private static String hint(Throwable e) {
        if (has(e, UnresolvedAddressException.class) || has(e, UnknownHostException.class)) {
            return "check the address: opsbridge login --url URL, --url or OPSBRIDGE_URL";
        }
        if (has(e, SSLException.class)) {
            return "does the server speak https on that port? (http:// if not)";
        }
        return "is it running? Set the address with opsbridge login --url URL, --url or OPSBRIDGE_URL";
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        return find(e, type) != null;
    }

    private static Throwable find(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static String message(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "no detail" : e.getMessage();
    }
}
