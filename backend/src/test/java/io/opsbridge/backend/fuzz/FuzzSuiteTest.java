package io.opsbridge.backend.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsbridge.backend.TestTokens;
import io.opsbridge.workloads.training.SampleDataGenerator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzz run: {@value #COUNT} hostile requests over every operation of the app's OpenAPI document, most as
 * admin (so they reach the handlers), some without a token. No answer may be a 5xx or name a Java type, every
 * client error is problem+json, and afterwards the app is ready and a normal data load completes. Some requests are
 * the document's request-body examples, as they are or changed in one field: some of those must be accepted (202),
 * and the work they start (cancelled at once) must end. The numbers go to the log, the findings to
 * {@code target/fuzz-report.txt}.
 * Replay a run with {@code -Dfuzz.seed=N}; change its size with {@code -Dfuzz.count=N}.
 *
 * <p>Its own profile gives it its own app: retention, token and settings calls it makes touch no other test.
 */
@QuarkusTest
@TestProfile(FuzzSuiteTest.OwnApp.class)
class FuzzSuiteTest {

    static final int COUNT = 1200;
    private static final long DEFAULT_SEED = 20261202L;
    private static final double UNAUTHENTICATED_SHARE = 0.15;
    private static final Logger LOG = Logger.getLogger(FuzzSuiteTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LEAK = Pattern.compile(
            "java\\.|javax\\.|jakarta\\.|io\\.opsbridge\\.|io\\.quarkus\\.|io\\.vertx\\.|io\\.netty\\.|com\\.fasterxml"
                    + "|org\\.jboss|Exception|\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|\\.java:\\d+");

    public static class OwnApp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the examples start work, each cancelled at once: a queue that never refuses keeps the run about the answers
            return Map.of("opsbridge.security.rate-limit.admin.burst", "1000000",
                    "opsbridge.security.rate-limit.starts.burst", "1000000",
                    "opsbridge.operations.queue-capacity", "1000");
        }
    }

    @TestHTTPResource("/")
    URI root;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void hostileRequestsGetClientErrorsAsProblemsAndTheAppKeepsWorking() throws Exception {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int count = Integer.getInteger("fuzz.count", COUNT);
        LOG.infof("fuzz: seed %d (-Dfuzz.seed=%d replays it), %d requests", seed, seed, count);

        var document = JSON.readTree(send("GET", "/q/openapi?format=json", null, null, null, true).body());
        List<Endpoint> endpoints = OpenApiEndpoints.of(document);
        assertThat(endpoints).as("operations in the OpenAPI document").hasSizeGreaterThan(20);
        assertThat(endpoints).as("operations with a request-body example").filteredOn(e -> e.example() != null)
                .isNotEmpty();

        List<String> findings = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<Integer, Integer> exampleStatuses = new TreeMap<>();
        List<String> started = new ArrayList<>();
        long began = System.nanoTime();
        for (FuzzRequest request : new HostileRequests(seed, UNAUTHENTICATED_SHARE).generate(endpoints, count)) {
            String finding;
            try {
                HttpResponse<String> response = send(request);
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (request.fromExample()) {
                    exampleStatuses.merge(response.statusCode(), 1, Integer::sum);
                }
                finding = judge(response);
                if (finding == null && response.statusCode() == 202) {
                    finding = cancel(startedOperation(response), started);
                }
            } catch (java.io.IOException e) {
                finding = "no answer (" + e.getMessage() + ")";
            }
            if (finding != null) {
                findings.add(finding + " <- " + request);
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        report(seed, count, endpoints.size(), seconds, statuses, exampleStatuses, started.size(), findings);

        assertThat(findings).as("answers that are a 5xx, leak a Java name or are a client error without a problem")
                .isEmpty();
        // the requests reached the handlers: validation refused some, some were served, some started work
        assertThat(statuses).containsKeys(200, 202, 400, 401);
        assertThat(exampleStatuses).as("answers to the examples, as they are or changed in one field")
                .containsKeys(202, 400);
        everyStartedOperationEnds(started);
        assertThat(send("GET", "/q/health/ready", null, null, null, false).statusCode()).isEqualTo(200);
        aNormalDataLoadStillCompletes();
    }

    /** The id a 202 names, or {@code null} (a finding of its own). */
    private static String startedOperation(HttpResponse<String> accepted) throws java.io.IOException {
        String id = JSON.readTree(accepted.body()).path("operation_id").asText("");
        return id.isEmpty() ? null : id;
    }

    /** Cancels started work at once, so the run stays short and never fills the queue; what is wrong, or null. */
    private String cancel(String id, List<String> started) throws Exception {
        if (id == null) {
            return "202 without an operation_id";
        }
        started.add(id);
        HttpResponse<String> cancelled = send("POST", "/api/v1/operations/" + id + "/cancel", null, null, null, true);
        // 409: it had already ended
        return cancelled.statusCode() == 200 || cancelled.statusCode() == 409 ? null
                : "cancel of " + id + " answered " + cancelled.statusCode() + " " + shortly(cancelled.body());
    }

    private void everyStartedOperationEnds(List<String> started) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            for (String id : started) {
                String status = JSON.readTree(send("GET", "/api/v1/operations/" + id, null, null, null, true).body())
                        .path("status").asText();
                assertThat(status).as(id).isIn("completed", "failed", "cancelled");
            }
        });
    }

    /** The run's numbers in the log, and every finding in target/fuzz-report.txt. */
    private static void report(long seed, int count, int operations, double seconds, Map<Integer, Integer> statuses,
            Map<Integer, Integer> exampleStatuses, int started, List<String> findings) throws java.io.IOException {
        String summary = String.format(Locale.ROOT, "fuzz: seed %d, %d requests over %d operations in %.1f s, "
                + "%d findings; answers by status %s; to the examples %s; %d operations started and cancelled", seed,
                count, operations, seconds, findings.size(), statuses, exampleStatuses, started);
        LOG.info(summary);
        findings.stream().limit(40).forEach(f -> LOG.warn("fuzz finding: " + f));
        List<String> lines = new ArrayList<>(List.of(summary));
        lines.addAll(findings);
        Files.write(Path.of("target/fuzz-report.txt"), lines);
    }

    /** What is wrong with an answer, or {@code null}. */
    private static String judge(HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            return status + " " + shortly(body);
        }
        var leak = LEAK.matcher(body);
        if (leak.find()) {
            return status + " names '" + leak.group() + "': " + shortly(body);
        }
        if (status >= 400 && !contentType.startsWith("application/problem+json")) {
            return status + " with Content-Type '" + contentType + "': " + shortly(body);
        }
        return null;
    }

    private void aNormalDataLoadStillCompletes() throws Exception {
        String symbol = String.format(Locale.ROOT, "FZ%05X", System.nanoTime() & 0xFFFFF);
        new SampleDataGenerator(5).generate(Path.of("target/test-data/sources"), List.of(symbol), "1h", 200);
        HttpResponse<String> started = send("POST", "/api/v1/data/loads", "application/json", null,
                ("{\"symbols\":[\"" + symbol + "\"],\"timeframe\":\"1h\",\"start_date\":\"2024-01-01\","
                        + "\"end_date\":\"2031-01-01\",\"source\":\"csv\"}").getBytes(), true);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = JSON.readTree(started.body()).path("operation_id").asText();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(JSON.readTree(send("GET", "/api/v1/operations/" + id, null, null, null, true)
                        .body()).path("status").asText()).isEqualTo("completed"));
    }

    private HttpResponse<String> send(FuzzRequest request) throws Exception {
        return send(request.method(), request.target(), request.contentType(), request.accept(), request.body(),
                request.headers(), request.authenticated());
    }

    private HttpResponse<String> send(String method, String target, String contentType, String accept, byte[] body,
            boolean authenticated) throws Exception {
        return send(method, target, contentType, accept, body, Map.of(), authenticated);
    }

    private HttpResponse<String> send(String method, String target, String contentType, String accept, byte[] body,
            Map<String, String> headers, boolean authenticated) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "") + target)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (accept != null) {
            builder.header("Accept", accept);
        }
        headers.forEach(builder::header);
        if (authenticated) {
            builder.header("Authorization", "Bearer " + TestTokens.ADMIN);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String shortly(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
