package io.opsbridge.core.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.opsbridge.api.Problem;
import io.opsbridge.core.monitoring.HostCallOutcome;
import io.opsbridge.core.monitoring.Monitoring;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Turns whatever a REST client call to a host throws into one {@link HostException} subclass per
 * cause, logged once with a wording of its own. Shared by every client of a worker host.
 *
 * <pre>{@code
 * OperationInfo info = HostCalls.call(baseUrl, "GET operation " + id, () -> api.get(id, false));
 * }</pre>
 */
public final class HostCalls {

    private static final Logger LOG = Logger.getLogger(HostCalls.class);

    private HostCalls() {
    }

    /**
     * A host base URL without trailing slashes, so {@code http://h:8081/} and {@code http://h:8081} are one host.
     *
     * @throws IllegalArgumentException if it is not an absolute http(s) URL
     */
    public static String normalize(String baseUrl) {
        String url = baseUrl == null ? "" : baseUrl.trim();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a host URL: '" + baseUrl + "'", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) host URL: '" + baseUrl + "'");
        }
        return url;
    }

    /** Runs {@code call}; any failure comes out as the matching {@link HostException}. */
    public static <T> T call(String hostUrl, String what, Supplier<T> call) {
        long started = System.nanoTime();
        try {
            T answer = call.get();
            record(hostUrl, HostCallOutcome.OK, started, null);
            return answer;
        } catch (RuntimeException e) {
            throw failure(hostUrl, what, e, started);
        }
    }

    /**
     * Starts {@code call}, whose answer arrives on an event loop while no thread waits for it; the
     * stage fails with the matching {@link HostException} (in a {@link CompletionException}).
     */
    public static <T> CompletionStage<T> callAsync(String hostUrl, String what, Supplier<CompletionStage<T>> call) {
        return callAsync(hostUrl, what, call, true);
    }

    /**
     * {@link #callAsync} for a long-poll: an answer is not recorded as a call, since it waits on
     * purpose and would swamp the call latencies; a failure is recorded as any call's.
     */
    public static <T> CompletionStage<T> waitAsync(String hostUrl, String what, Supplier<CompletionStage<T>> call) {
        return callAsync(hostUrl, what, call, false);
    }

    private static <T> CompletionStage<T> callAsync(String hostUrl, String what, Supplier<CompletionStage<T>> call,
            boolean timed) {
        long started = System.nanoTime();
        CompletionStage<T> answer;
        try {
            answer = call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(failure(hostUrl, what, e, started));
        }
        return answer.handle((value, error) -> {
            if (error == null) {
                if (timed) {
                    record(hostUrl, HostCallOutcome.OK, started, null);
                }
                return value;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            throw failure(hostUrl, what, cause instanceof RuntimeException r ? r : new IllegalStateException(cause), started);
        });
    }

    /** The {@link HostException} a failed {@link #callAsync} stage carries; anything else (a bug) is rethrown. */
    public static HostException failureOf(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HostException host) {
            return host;
        }
        throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }

    private static HostException failure(String hostUrl, String what, RuntimeException e, long started) {
        HostException failure;
        if (e instanceof HostStatusException status) {
            failure = rejected(hostUrl, what, status.status(), status.problem());
        } else if (e instanceof WebApplicationException w && w.getResponse() != null && w.getResponse().getStatus() >= 400) {
            // the typed client also reports an unreadable 200 body as a WebApplicationException
            failure = rejected(hostUrl, what, w.getResponse().getStatus(), problemOf(w.getResponse()));
        } else {
            failure = classify(hostUrl, what, e);
        }
        return recorded(hostUrl, failure, started);
    }

    private static HostException recorded(String hostUrl, HostException failure, long started) {
        record(hostUrl, outcomeOf(failure), started, failure.getMessage());
        return failure;
    }

    private static void record(String hostUrl, HostCallOutcome outcome, long started, String error) {
        long nanos = System.nanoTime() - started;
        Monitoring.monitor().hostCalled(hostUrl, outcome, nanos, error);
    }

    private static HostCallOutcome outcomeOf(HostException failure) {
        if (failure instanceof HostUnreachableException) {
            return HostCallOutcome.UNREACHABLE;
        }
        if (failure instanceof HostTimeoutException) {
            return HostCallOutcome.TIMEOUT;
        }
        if (failure instanceof HostInvalidResponseException) {
            return HostCallOutcome.INVALID;
        }
        return HostCallOutcome.REJECTED;
    }

    private static HostException rejected(String hostUrl, String what, int status, Problem problem) {
        String detail = problem == null ? null : problem.detail();
        String message = what + " at " + hostUrl + " answered " + status + (detail == null ? "" : ": " + detail);
        if (status == 404 || status == 410) {
            LOG.warnf("host %s does not have it: %s", hostUrl, message);
            return new HostNotFoundException(hostUrl, message, status == 410);
        }
        LOG.warnf("host %s refused: %s", hostUrl, message);
        return new HostRejectedException(hostUrl, message, status, detail, problem == null ? null : problem.field());
    }

    private static HostException classify(String hostUrl, String what, RuntimeException e) {
        if (causedBy(e, ConnectException.class) || causedBy(e, UnknownHostException.class)
                || causedBy(e, NoRouteToHostException.class) || causedBy(e, ClosedChannelException.class)
                || messageMentions(e, "connection was closed") || messageMentions(e, "connection refused")) {
            String message = what + ": host " + hostUrl + " unreachable (" + rootMessage(e) + ")";
            LOG.warn(message);
            return new HostUnreachableException(hostUrl, message, e);
        }
        if (causedBy(e, TimeoutException.class) || causedBy(e, SocketTimeoutException.class)
                || messageMentions(e, "timeout") || messageMentions(e, "timed out")) {
            String message = what + ": host " + hostUrl + " did not answer in time (" + rootMessage(e) + ")";
            LOG.warn(message);
            return new HostTimeoutException(hostUrl, message, e);
        }
        String kind = causedBy(e, JsonProcessingException.class) ? "sent invalid JSON" : "gave an unusable answer";
        String message = what + ": host " + hostUrl + " " + kind + " (" + rootMessage(e) + ")";
        LOG.error(message, e);
        return new HostInvalidResponseException(hostUrl, message, e);
    }

    private static Problem problemOf(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(Problem.class) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean messageMentions(Throwable e, String words) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(words)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
