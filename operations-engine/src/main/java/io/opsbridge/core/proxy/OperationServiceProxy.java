package io.opsbridge.core.proxy;

import io.opsbridge.api.LogsResponse;
import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationResults;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Reaches the {@code /api/v1/operations} API of one worker host, owning every failure: a 404 is a
 * {@link HostNotFoundException}, a refused connection a {@link HostUnreachableException}, a slow
 * answer a {@link HostTimeoutException}, a body that is not the contract a
 * {@link HostInvalidResponseException}; each is logged once where it happens.
 *
 * <pre>{@code
 * OperationServiceProxy host = proxies.forHost("http://gpu-1:8081/");
 * OperationInfo info = host.get("host_training_3f2a", false);
 * }</pre>
 */
public class OperationServiceProxy {

    /** Kept under the read timeout, so a host long-poll always ends before the call times out. */
    private static final Duration LONG_POLL_MARGIN = Duration.ofMillis(500);

    private final String baseUrl;
    private final OperationsApi api;
    private final HostReads reads;
    private final Duration longPollBound;

    /**
     * A proxy for the host at {@code baseUrl} (a trailing slash is fine) with these timeouts, its
     * reads on {@code http}, the rest on a REST client of its own.
     */
    public OperationServiceProxy(String baseUrl, HostTimeouts timeouts, HostHttp http) {
        this(HostCalls.normalize(baseUrl), RestClients.build(OperationsApi.class, baseUrl, timeouts), http, timeouts,
                null);
    }

    /**
     * A proxy for the host at {@code url} ({@link HostCalls#normalize normalized}) whose reads go through
     * {@code http} and its other calls through {@code typed}, sending {@code token}.
     */
    OperationServiceProxy(String url, OperationsApi typed, HostHttp http, HostTimeouts timeouts, String token) {
        this(url, typed, new EventLoopReads(url, http, timeouts, token), timeouts.read().minus(LONG_POLL_MARGIN));
    }

    /** A proxy whose every call goes through {@code api} (a host in memory in a test). */
    OperationServiceProxy(String baseUrl, OperationsApi api) {
        this(baseUrl, api, HostReads.over(api), Duration.ofSeconds(5).minus(LONG_POLL_MARGIN));
    }

    private OperationServiceProxy(String baseUrl, OperationsApi api, HostReads reads, Duration longPollBound) {
        this.baseUrl = baseUrl;
        this.api = api;
        this.reads = reads;
        this.longPollBound = longPollBound;
    }

    /** The host's base URL, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The host's record of the operation ({@code forceRefresh} skips the host's own cache), holding
     * no thread while the host answers: the stage completes on an event loop, or fails with a
     * {@link HostException} (in a {@code CompletionException}). So do the other reads here.
     */
    public CompletionStage<OperationInfo> get(String hostOperationId, boolean forceRefresh) {
        return HostCalls.callAsync(baseUrl, "GET operation " + hostOperationId, () -> reads.read(hostOperationId, forceRefresh));
    }

    /**
     * The host's long-poll, holding no thread: its record of the operation once its version exceeds
     * {@code sinceVersion} (or it ended), else as it is after the wait (at most the read timeout
     * less a margin, so the call itself never times out). Fails like {@link #get}.
     */
    public CompletionStage<OperationInfo> changeAfter(String hostOperationId, long sinceVersion, Duration wait) {
        Duration bounded = wait.compareTo(longPollBound) > 0 ? longPollBound : wait;
        String waitParam = Math.max(0, bounded.toMillis()) + "ms";
        return HostCalls.waitAsync(baseUrl, "long-poll of " + hostOperationId,
                () -> reads.whenChanged(hostOperationId, waitParam, sinceVersion));
    }

    /** The host's operations, newest first (its first page): how a one-job host's single operation is found. */
    public OperationList list() {
        return HostCalls.call(baseUrl, "GET operations", api::list);
    }

    /** The host's metrics after {@code cursor}. */
    public CompletionStage<MetricsResponse> metrics(String hostOperationId, int cursor) {
        return HostCalls.callAsync(baseUrl, "GET metrics of " + hostOperationId + " after " + cursor,
                () -> reads.metrics(hostOperationId, cursor));
    }

    /** The host's log lines after {@code cursor}. */
    public LogsResponse logs(String hostOperationId, int cursor) {
        return HostCalls.call(baseUrl, "GET logs of " + hostOperationId + " after " + cursor,
                () -> api.logs(hostOperationId, cursor));
    }

    /** The result of an operation that completed on the host. */
    public CompletionStage<OperationResults> results(String hostOperationId) {
        return HostCalls.callAsync(baseUrl, "GET results of " + hostOperationId, () -> reads.results(hostOperationId));
    }

    /** Cancels the operation on the host; cancelling a cancelled one is fine, a finished one is a 409. */
    public OperationInfo cancel(String hostOperationId) {
        return HostCalls.call(baseUrl, "POST cancel of " + hostOperationId, () -> api.cancel(hostOperationId));
    }

    @Override
    public String toString() {
        return "OperationServiceProxy[" + baseUrl + "]";
    }
}
