package io.opsbridge.core.proxy;

import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationResults;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/** A host's reads through {@link HostHttp}: each answer on the event loop that asked, decoded once. */
final class EventLoopReads implements HostReads {

    private static final Pattern PLAIN_SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

    private final String operations;
    private final HostHttp http;
    private final HostTimeouts timeouts;
    private final String token;

    /** Reads of the host at {@code baseUrl} (normalized) on {@code http}; {@code token} may be null. */
    EventLoopReads(String baseUrl, HostHttp http, HostTimeouts timeouts, String token) {
        this.operations = baseUrl + "/api/v1/operations/";
        this.http = http;
        this.timeouts = timeouts;
        this.token = token;
    }

    @Override
    public CompletionStage<OperationInfo> read(String id, boolean forceRefresh) {
        return get(segment(id) + "?force_refresh=" + forceRefresh, OperationInfo.class);
    }

    @Override
    public CompletionStage<OperationInfo> whenChanged(String id, String wait, long sinceVersion) {
        return get(segment(id) + "?wait=" + wait + "&since_version=" + sinceVersion, OperationInfo.class);
    }

    @Override
    public CompletionStage<MetricsResponse> metrics(String id, int cursor) {
        return get(segment(id) + "/metrics?cursor=" + cursor, MetricsResponse.class);
    }

    @Override
    public CompletionStage<OperationResults> results(String id) {
        return get(segment(id) + "/results", OperationResults.class);
    }

    private <T> CompletionStage<T> get(String path, Class<T> type) {
        return http.get(operations + path, type, timeouts, token);
    }

    /** A host's operation id as one path segment (ids are plain words; anything else is percent-encoded). */
    private static String segment(String id) {
        return PLAIN_SEGMENT.matcher(id).matches() ? id
                : URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
