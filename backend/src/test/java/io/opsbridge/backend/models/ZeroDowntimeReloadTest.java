package io.opsbridge.backend.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsbridge.backend.models.store.ModelRegistryStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The zero-downtime load test (bounded, loopback): clients send signal requests continuously from
 * several threads while the active model is switched 20 times. Every answer must be 2xx and come
 * wholly from the old or the new model (its signals equal that model's known answer), and every
 * request started after an activation returned must be answered by the new model.
 *
 * <p>It also measures what docs/benchmarks.md reports: throughput without and during reloads, and
 * the time from an activation call to the first answer by the new model (log lines {@code BENCH}).
 */
@QuarkusTest
class ZeroDowntimeReloadTest {

    private static final Logger LOG = Logger.getLogger(ZeroDowntimeReloadTest.class);
    private static final int CLIENTS = 4;
    /** Switches per reload phase, at least. */
    private static final int SWITCHES = Integer.getInteger("opsbridge.bench.switches", 20);
    /** Rounds of (throughput without reloads, reload phase); the benchmark alternates several. */
    private static final int ROUNDS = Integer.getInteger("opsbridge.bench.rounds", 1);
    /** Length of each phase (at least); the benchmark command in docs/benchmarks.md raises it. */
    private static final Duration PHASE = Duration.ofMillis(Long.getLong("opsbridge.bench.phase-ms", 1500));
    /** Unmeasured requests before each measured phase. */
    private static final Duration SETTLE = PHASE.dividedBy(5);
    /** Run the reload phase before the quiet one in each round (to see the order's effect). */
    private static final boolean RELOAD_FIRST = Boolean.getBoolean("opsbridge.bench.reload-first");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ModelRegistryStore store;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One answered request: when it started and which model answered. */
    private record Answer(long startNanos, long endNanos, int status, String version, JsonNode signals, String error) {
    }

    @Test
    void signalsNeverFailWhileTheActiveModelIsSwitchedTwentyTimes() throws Exception {
        String strategy = RegisteredModels.strategy("zero_downtime");
        String v1 = RegisteredModels.trained(store, strategy, 1);
        String v2 = RegisteredModels.trained(store, strategy, 2);
        Map<String, JsonNode> expected = Map.of(v2, answerOf(strategy, v2), v1, answerOf(strategy, v1));
        assertThat(expected.get(v1)).isNotEqualTo(expected.get(v2)); // the two models are told apart

        throughput(strategy, PHASE.multipliedBy(2)); // warm-up: JIT, connections
        for (int round = 1; round <= ROUNDS; round++) {
            // each measured phase follows a short unmeasured one: the first seconds after a pause run slower
            ReloadPhase phase = null;
            if (RELOAD_FIRST) {
                throughput(strategy, SETTLE);
                phase = reloadPhase(strategy, v1, v2);
            }
            throughput(strategy, SETTLE);
            double quiet = throughput(strategy, PHASE);
            if (!RELOAD_FIRST) {
                throughput(strategy, SETTLE);
                phase = reloadPhase(strategy, v1, v2);
            }

            assertThat(phase.answers()).allSatisfy(a -> {
                assertThat(a.error()).isNull();
                assertThat(a.status()).isBetween(200, 299);
                assertThat(a.version()).isIn(v1, v2);
                assertThat(a.signals()).as("answer named %s", a.version()).isEqualTo(expected.get(a.version()));
            });
            assertBoundToTheLatestActivation(phase);
            List<Long> firstServed = phase.firstServedMillis();
            LOG.infof("BENCH zero-downtime round %d: %d requests from %d clients during %d switches in %.1f s, 0 failed;"
                    + " throughput %.0f req/s without reloads, %.0f req/s during reloads;"
                    + " activation -> first answer by the new model: median %d ms, max %d ms",
                    round, phase.answers().size(), CLIENTS, phase.target().size(), phase.seconds(), quiet,
                    phase.answers().size() / phase.seconds(), median(firstServed),
                    firstServed.stream().mapToLong(Long::longValue).max().orElse(0));
        }
    }

    /** One reload phase: what was switched when, and every answer the clients got meanwhile. */
    private record ReloadPhase(List<Answer> answers, List<Long> calledAt, List<Long> activatedAt, List<String> target,
            List<Long> firstServedMillis, double seconds) {
    }

    /**
     * Clients send requests continuously while the active model is switched between v1 and v2, at
     * least {@link #SWITCHES} times and for at least {@link #PHASE}, with a few requests between switches.
     */
    private ReloadPhase reloadPhase(String strategy, String v1, String v2) throws Exception {
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong served = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> loops = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            loops.add(clients.submit(() -> {
                while (running.get()) {
                    answers.add(signal(strategy));
                    served.incrementAndGet();
                }
                return null;
            }));
        }
        List<Long> calledAt = new ArrayList<>();
        List<Long> activatedAt = new ArrayList<>();
        List<String> target = new ArrayList<>();
        List<Long> firstServedMillis = new ArrayList<>();
        long start = System.nanoTime();
        try {
            String serving = registryVersion(strategy);
            while (target.size() < SWITCHES || System.nanoTime() - start < PHASE.toNanos()) {
                String next = v1.equals(serving) ? v2 : v1;
                long before = System.nanoTime();
                assertThat(post("/api/v1/models/" + strategy + "/" + next + "/activate", "").statusCode())
                        .isEqualTo(200);
                calledAt.add(before);
                activatedAt.add(System.nanoTime());
                target.add(next);
                serving = next;
                Answer first = signal(strategy);
                assertThat(first.version()).as("first request after activating %s", next).isEqualTo(next);
                firstServedMillis.add((System.nanoTime() - before) / 1_000_000);
                long seen = served.get();
                await().atMost(Duration.ofSeconds(10)).until(() -> served.get() >= seen + 2L * CLIENTS);
            }
        } finally {
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(30, TimeUnit.SECONDS);
            }
            clients.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ReloadPhase(new ArrayList<>(answers), calledAt, activatedAt, target, firstServedMillis, seconds);
    }

    private String registryVersion(String strategy) {
        return store.active(strategy).orElseThrow().version();
    }

    /**
     * A request made wholly between activation i returning and activation i+1 being called names
     * target[i]; one that overlaps an activation may name either model.
     */
    private static void assertBoundToTheLatestActivation(ReloadPhase phase) {
        List<Long> calledAt = phase.calledAt();
        List<Long> activatedAt = phase.activatedAt();
        int bound = 0;
        for (Answer a : phase.answers()) {
            for (int i = 0; i < activatedAt.size(); i++) {
                boolean beforeNextCall = i + 1 == activatedAt.size() || a.endNanos() < calledAt.get(i + 1);
                if (a.startNanos() > activatedAt.get(i) && beforeNextCall) {
                    assertThat(a.version()).as("request started %d us after activation %d returned",
                            (a.startNanos() - activatedAt.get(i)) / 1000, i).isEqualTo(phase.target().get(i));
                    bound++;
                }
            }
        }
        assertThat(bound).as("requests made between activations").isGreaterThanOrEqualTo(activatedAt.size());
    }

    private JsonNode answerOf(String strategy, String version) throws Exception {
        assertThat(post("/api/v1/models/" + strategy + "/" + version + "/activate", "").statusCode()).isEqualTo(200);
        Answer answer = signal(strategy);
        assertThat(answer.version()).isEqualTo(version);
        return answer.signals();
    }

    private double throughput(String strategy, Duration period) throws Exception {
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + period.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> loops = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            loops.add(clients.submit(() -> {
                while (System.nanoTime() < end) {
                    Answer a = signal(strategy);
                    assertThat(a.status()).isEqualTo(200);
                    count.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> loop : loops) {
            loop.get(30, TimeUnit.SECONDS);
        }
        clients.shutdownNow();
        return count.get() / (period.toNanos() / 1e9);
    }

    private Answer signal(String strategy) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = post("/api/v1/signals/generate", "{\"symbols\":[\"AAPL\",\"MSFT\",\"GOOG\"],"
                    + "\"as_of_date\":\"2024-02-15\",\"top_n\":1,\"bottom_n\":1,\"strategy\":\"" + strategy + "\"}");
            if (response.statusCode() != 200) {
                return new Answer(start, System.nanoTime(), response.statusCode(), null, null, response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            return new Answer(start, System.nanoTime(), 200, body.path("metadata").path("model_version").asText(), body.get("signals"), null);
        } catch (Exception e) {
            return new Answer(start, System.nanoTime(), 0, null, null, e.toString());
        }
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + io.opsbridge.backend.TestTokens.ADMIN).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
