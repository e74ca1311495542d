package io.opsbridge.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsbridge.backend.reload.broadcast.MessageSigner;
import io.opsbridge.backend.reload.broadcast.ReloadMessage;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two packaged backends on one PostgreSQL schema and the test's own redis-server: a model
 * activated on A is served by B within milliseconds through the signed broadcast; B's
 * subscription survives killed connections and a Redis outage (catching up from the database,
 * with no message after the restart); forged, replayed, stale and unknown-key messages change
 * nothing. The registry check is set to an hour, so nothing but the broadcast can catch B up.
 * Every test switches from whatever version is active to the other one, so their order does not matter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BroadcastIT {

    private static final Logger LOG = Logger.getLogger(BroadcastIT.class);
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = System.getenv().getOrDefault("OPSBRIDGE_TEST_PG_USER", "postgres");
    private static final String SECRET = "it-secret-" + UUID.randomUUID();
    private static final String CHANNEL = "opsbridge:reload";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String schema = "it_bc_" + Long.toHexString(System.nanoTime());
    private Path work;
    private RedisServerProcess redis;
    private BackendProcess a;
    private BackendProcess b;

    @BeforeAll
    void startTwoReplicasAndTrainTwoVersions() throws Exception {
        work = Files.createTempDirectory("broadcast-it");
        sql("CREATE SCHEMA " + schema);
        redis = RedisServerProcess.start();
        Map<String, String> properties = Map.of(
                "opsbridge.training.data-dir", work.resolve("market").toString(), // one market data set for both
                "opsbridge.models.reload-interval", "1h",
                "opsbridge.broadcast.backoff-max", "1s",
                "opsbridge.replica.heartbeat-interval", "2s");
        a = BackendProcess.start(work.resolve("a"), "a", properties, env("replica-a"));
        b = BackendProcess.start(work.resolve("b"), "b", properties, env("replica-b"));
        for (int seed = 1; seed <= 2; seed++) {
            String id = RestartIT.start(a, "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":1,"
                    + "\"batch_size\":64,\"seed\":" + seed + ",\"auto_activate\":false}");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> RestartIT.status(a, id).equals("completed"));
        }
        activate("v1");
        // B's first model also starts PyTorch in B: seconds, more on a loaded machine
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> "v1".equals(servedBy(b)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("B never served v1; B's log ends:\n" + tail(b.logText())
                    + "\nA's log ends:\n" + tail(a.logText()), e);
        }
    }

    private static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @AfterAll
    void stopEverything() throws Exception {
        try (BackendProcess first = a; BackendProcess second = b; RedisServerProcess server = redis) {
            // closed in reverse order
        } finally {
            sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void aModelActivatedOnAIsServedByBWithinMilliseconds() {
        String next = otherVersion();
        long started = System.nanoTime();
        activate(next);
        long activated = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(1)).until(() -> next.equals(servedBy(b)));
        long servedOnB = System.nanoTime();
        LOG.infof("activate call on A: %.1f ms; A's call to B's first answer by %s: %.1f ms",
                (activated - started) / 1e6, next, (servedOnB - started) / 1e6);
        assertThat(b.http().get("/api/v1/model/info").header("X-OpsBridge-Model-Version")).isEqualTo(next);
    }

    @Test
    void fiveKilledSubscriptionsComeBackAsExactlyOnePerReplicaAndTheNextMessageIsApplied() {
        double reconnectsBefore = metric(b, "opsbridge_broadcast_reconnects_total", "");
        for (int kill = 1; kill <= 5; kill++) {
            assertThat(redis.cli("CLIENT", "KILL", "TYPE", "pubsub")).as("kill %d", kill).isNotEqualTo("0");
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> subscriptions() == 2);
        }
        // exactly one each, and it stays that way: no second loop started by a late end handler
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> subscriptions() == 2);
        assertThat(redis.cli("CLIENT", "LIST", "TYPE", "pubsub").lines().count()).isEqualTo(2);
        assertThat(metric(b, "opsbridge_broadcast_reconnects_total", "")).isGreaterThanOrEqualTo(reconnectsBefore + 5);

        String next = otherVersion();
        activate(next);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() -> next.equals(servedBy(b)));
    }

    @Test
    void aVersionActivatedWhileRedisWasDownIsServedByBAfterItResubscribesWithNoNewMessage() throws Exception {
        String before = servedBy(b);
        String next = otherVersion();
        redis.stop();
        activate(next); // A's announcement fails: Redis is down
        double receivedOnB = metric(b, "opsbridge_broadcast_received_total", "");
        double publishedByA = metric(a, "opsbridge_broadcast_published_total", "");
        await().during(Duration.ofSeconds(9)).atMost(Duration.ofSeconds(12)).pollInterval(Duration.ofMillis(500))
                .until(() -> before.equals(servedBy(b)));
        Response health = b.http().get("/q/health/ready");
        assertThat(health.statusCode()).as("still ready: the registry is the truth, the broadcast a hint").isEqualTo(200);
        assertThat(health.jsonPath().getString("checks.find { it.name == 'reload broadcast' }.data.subscriber"))
                .isEqualTo("backing_off");

        redis.startAgain();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> next.equals(servedBy(b)));
        assertThat(metric(b, "opsbridge_broadcast_received_total", "")).as("caught up from the database, not a message")
                .isEqualTo(receivedOnB);
        assertThat(metric(a, "opsbridge_broadcast_published_total", "")).isEqualTo(publishedByA);
        await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions() == 2);
    }

    @Test
    void forgedReplayedStaleAndUnknownKeyMessagesAreRejectedCountedAndChangeNothing() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions() == 2);
        String serving = servedBy(b);
        String other = serving.equals("v1") ? "v2" : "v1";
        MessageSigner signer = new MessageSigner(new MessageSigner.Key("k1", SECRET), Optional.empty());
        MessageSigner stranger = new MessageSigner(new MessageSigner.Key("k7", SECRET), Optional.empty());
        Map<String, Double> before = new java.util.HashMap<>();
        for (String reason : List.of("bad_signature", "replayed", "stale", "unknown_key")) {
            before.put(reason, metric(b, "opsbridge_broadcast_rejected_total", "reason=\"" + reason + "\""));
        }
        double applied = metric(b, "opsbridge_broadcast_applied_total", "");

        ReloadMessage genuine = signer.sign(message(other, Instant.now()));
        publish(genuine.signed("k1", "0".repeat(64))); // forged: the genuine message itself is never sent
        publish(signer.sign(message(other, Instant.now().minusSeconds(300))));
        publish(stranger.sign(message(other, Instant.now())));
        ReloadMessage replayable = signer.sign(message(serving, Instant.now())); // accepted once: nothing to do
        publish(replayable);
        publish(replayable);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (String reason : before.keySet()) {
                assertThat(metric(b, "opsbridge_broadcast_rejected_total", "reason=\"" + reason + "\""))
                        .as(reason).isEqualTo(before.get(reason) + 1);
            }
        });
        assertThat(servedBy(b)).isEqualTo(serving);
        assertThat(metric(b, "opsbridge_broadcast_applied_total", "")).isEqualTo(applied);
    }

    @Test
    void theReplicasViewListsBothAndTheAdminBroadcastAnswersItsReceivers() {
        await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions() == 2);
        String active = activeOn(a);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath view = b.admin().get("/api/v1/admin/replicas").then().statusCode(200).extract().jsonPath();
            assertThat(view.getList("replicas.node_id")).containsExactly("replica-a", "replica-b");
            assertThat(view.getList("replicas.liveness")).containsOnly("live");
            assertThat(view.getList("replicas.state.models.mlp_direction")).containsOnly(active);
            assertThat(view.getInt("lagging")).isZero();
            assertThat(view.getList("replicas.state.subscriber_state")).containsOnly("subscribed");
        });

        JsonPath sent = a.admin().contentType(ContentType.JSON).body("{\"kind\":\"model\",\"strategy\":\"mlp_direction\"}")
                .post("/api/v1/admin/broadcast").then().statusCode(200).extract().jsonPath();
        assertThat(sent.getLong("receivers")).isEqualTo(2);
        assertThat(sent.getString("message_id")).isNotBlank();
        assertThat(sent.getString("target_version")).isEqualTo(active);

        a.admin().contentType(ContentType.JSON).body("{\"kind\":\"coffee\"}").post("/api/v1/admin/broadcast").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void noRequestOnBFailsWhileTwentyBroadcastsSwitchItsModel() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread client = new Thread(() -> {
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos(); // bounded, whatever happens
            while (running.get() && System.nanoTime() < until) {
                Response answer = signal(b);
                if (answer.statusCode() == 200) {
                    ok.incrementAndGet();
                } else {
                    failures.add(answer.statusCode() + " " + answer.asString());
                }
            }
        });
        client.start();
        try {
            for (int i = 0; i < 20; i++) {
                String next = otherVersion();
                activate(next);
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(2))
                        .until(() -> next.equals(servedBy(b)));
            }
        } finally {
            running.set(false);
            client.join();
        }
        assertThat(failures).isEmpty();
        assertThat(ok.get()).isPositive();
    }

    /**
     * The benchmark of docs/benchmarks.md, only with {@code -Dopsbridge.bench=true}: 60 switches, A's
     * activate call to B's first answer by the new version, median and p99; then B's requests per
     * second with one client, 10 s without switches and 10 s with a switch every 250 ms.
     */
    @Test
    @EnabledIfSystemProperty(named = "opsbridge.bench", matches = "true")
    void benchmarkSwitchLatencyAndRequestRate() throws Exception {
        List<Double> toB = new ArrayList<>();
        List<Double> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String next = otherVersion();
            long started = System.nanoTime();
            activate(next);
            calls.add((System.nanoTime() - started) / 1e6);
            while (!next.equals(servedBy(b))) {
                // poll B as fast as one client can
            }
            toB.add((System.nanoTime() - started) / 1e6);
        }
        java.util.Collections.sort(toB);
        java.util.Collections.sort(calls);
        LOG.infof("BENCH switches=%d  A activate -> B serves: median %.1f ms, p99 %.1f ms, max %.1f ms;"
                + "  A's activate call alone: median %.1f ms, p99 %.1f ms; on B, mean from issued_at: received %.1f ms,"
                + " applied %.1f ms", toB.size(), percentile(toB, 50), percentile(toB, 99), toB.get(toB.size() - 1),
                percentile(calls, 50), percentile(calls, 99), meanMillis(b, "opsbridge_broadcast_delivery_seconds"),
                meanMillis(b, "opsbridge_broadcast_latency_seconds"));

        double quiet = requestRate(Duration.ofSeconds(10), false);
        double switching = requestRate(Duration.ofSeconds(10), true);
        LOG.infof("BENCH B signals/s, one client: %.0f without switches, %.0f with a switch every 250 ms (ratio %.2f)",
                quiet, switching, switching / quiet);
    }

    private double requestRate(Duration length, boolean switching) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread switcher = new Thread(() -> {
            while (running.get() && switching) {
                activate(otherVersion());
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        switcher.start();
        long end = System.nanoTime() + length.toNanos();
        long started = System.nanoTime();
        int answered = 0;
        while (System.nanoTime() < end) {
            assertThat(signal(b).statusCode()).isEqualTo(200);
            answered++;
        }
        double rate = answered / ((System.nanoTime() - started) / 1e9);
        running.set(false);
        switcher.join();
        return rate;
    }

    private static double meanMillis(BackendProcess backend, String timer) {
        return 1000 * metric(backend, timer + "_sum", "") / metric(backend, timer + "_count", "");
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private void publish(ReloadMessage message) throws Exception {
        redis.cli("PUBLISH", CHANNEL, JSON.writeValueAsString(message));
    }

    private static ReloadMessage message(String version, Instant issued) {
        return new ReloadMessage("model", "mlp_direction", version, UUID.randomUUID().toString(), "intruder",
                issued.toString(), null, null);
    }

    private long subscriptions() {
        List<String> lines = redis.cli("PUBSUB", "NUMSUB", CHANNEL).lines().toList();
        return Long.parseLong(lines.get(lines.size() - 1).trim());
    }

    private String otherVersion() {
        return "v1".equals(activeOn(a)) ? "v2" : "v1";
    }

    private static String activeOn(BackendProcess backend) {
        return backend.http().get("/api/v1/model/info").jsonPath().getString("version");
    }

    private void activate(String version) {
        a.admin().post("/api/v1/models/mlp_direction/{version}/activate", version).then().statusCode(200);
    }

    private static Response signal(BackendProcess backend) {
        return backend.http().contentType(ContentType.JSON).body("{\"symbols\":[\"AAPL\"]}")
                .post("/api/v1/signals/generate");
    }

    /** The model version named by B's answer to a signal request. */
    private static String servedBy(BackendProcess backend) {
        Response answer = signal(backend);
        return answer.statusCode() == 200 ? answer.jsonPath().getString("metadata.model_version") : null;
    }

    /** The sum of a Prometheus metric's samples whose labels contain {@code labels}. */
    private static double metric(BackendProcess backend, String name, String labels) {
        double sum = 0;
        for (String line : backend.http().get("/q/metrics").asString().lines().toList()) {
            if (line.startsWith(name) && (line.charAt(name.length()) == '{' || line.charAt(name.length()) == ' ')
                    && line.contains(labels)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private Map<String, String> env(String node) {
        return Map.of(
                "OPSBRIDGE_STORE_KIND", "postgresql",
                "OPSBRIDGE_STORE_NODE_ID", node,
                "QUARKUS_DATASOURCE_POSTGRESQL_JDBC_URL", PG + "?currentSchema=" + schema,
                "QUARKUS_DATASOURCE_POSTGRESQL_USERNAME", USER,
                "QUARKUS_REDIS_HOSTS", redis.url(),
                "OPSBRIDGE_BROADCAST_SECRET", SECRET);
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(PG, USER, ""); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
