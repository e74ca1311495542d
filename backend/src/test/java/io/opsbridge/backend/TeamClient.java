package io.opsbridge.backend;

import com.fasterxml.jackson.core.type.TypeReference;
import io.opsbridge.generated.client.ApiClient;
import io.opsbridge.generated.client.ApiException;
import io.opsbridge.generated.client.model.Problem;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ParseException;

/**
 * The generated {@link ApiClient} configured as a team that integrates would: the base URL, the bearer token in
 * the client's own settings, an HTTP client that does not retry on its own (HttpClient 5 would sleep through a
 * 429's {@code Retry-After}: the caller decides), and a 304 answered as {@code null} (keep what you have)
 * instead of thrown as an error. The last answer's status and headers are there to read.
 */
final class TeamClient extends ApiClient {

    TeamClient(String baseUrl, String token) {
        super(HttpClients.custom().disableAutomaticRetries().build());
        setBasePath(baseUrl);
        if (token != null) {
            setBearerToken(token);
        }
    }

    @Override
    protected <T> T processResponse(CloseableHttpResponse response, TypeReference<T> returnType)
            throws ApiException, IOException, ParseException {
        if (response.getCode() == 304) {
            lastStatusCode.set(304);
            lastResponseHeaders.set(transformResponseHeaders(response.getHeaders()));
            return null;
        }
        return super.processResponse(response, returnType);
    }

    /** The status of this thread's last answer. */
    int lastStatus() {
        return lastStatusCode.get();
    }

    /** A header of this thread's last answer, by name in any case; null when absent. */
    String lastHeader(String name) {
        return header(getResponseHeaders(), name);
    }

    /** The problem details an error answer carried. */
    Problem problem(ApiException error) throws IOException {
        return getObjectMapper().readValue(error.getResponseBody(), Problem.class);
    }

    static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(h -> h.getValue().get(0)).findFirst().orElse(null);
    }
}
