package io.opsbridge.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged backend with a runtime settings file: {@code kill -HUP}, a storm of reloads under
 * client traffic (reads and new work) with no failed request, a worker count and TTL reload seen
 * in behaviour, a broken file that is rejected while the old settings
 * serve, and after a restart the history still there and the file watch (atomic rename, a
 * ConfigMap-like {@code ..data} symlink swap) applying changes without any call.
 */
class SettingsReloadIT {

    private static final String HEADER = "X-OpsBridge-Settings-Version";

    @TempDir
    Path work;

    @Test
    void runtimeSettingsChangeWithoutARestart() throws Exception {
        Path config = Files.createDirectories(work.resolve("config"));
        Path file = config.resolve("opsbridge-runtime.properties");
        Files.writeString(file, "opsbridge.operations.cache-ttl=300ms\n");
        Map<String, String> signalOnly = Map.of("opsbridge.settings.file", file.toString(),
                "opsbridge.settings.watch", "false");

        try (BackendProcess backend = BackendProcess.start(work, "signal", signalOnly, Map.of())) {
            JsonPath started = settings(backend);
            assertThat(started.getString("trigger")).isEqualTo("startup");
            assertThat(started.getBoolean("sighup.reloads")).as("started without nohup").isTrue();
            assertThat(started.getString("values.'opsbridge.operations.cache-ttl'")).isEqualTo("300ms");

            Files.writeString(file, "opsbridge.operations.cache-ttl=750ms\nopsbridge.stall.training.stall-after=9m\n");
            backend.hangup();
            await().atMost(Duration.ofSeconds(10)).until(() -> settings(backend).getString("trigger").equals("signal"));
            JsonPath afterSignal = settings(backend);
            assertThat(afterSignal.getString("values.'opsbridge.operations.cache-ttl'")).isEqualTo("750ms");
            assertThat(afterSignal.getString("values.'opsbridge.stall.training.stall-after'")).isEqualTo("9m");
            assertThat(backend.http().get("/q/health/ready").header(HEADER))
                    .isEqualTo(String.valueOf(afterSignal.getLong("version")));

            reloadStormUnderTraffic(backend, file);

            Files.writeString(file, "opsbridge.operations.cache-ttl=forever\n");
            long before = settings(backend).getLong("version");
            int recorded = history(backend).getList("events").size();
            backend.hangup();
            await().atMost(Duration.ofSeconds(10)).until(() -> history(backend).getList("events").size() > recorded);
            JsonPath rejected = settings(backend);
            assertThat(rejected.getLong("version")).isEqualTo(before);
            assertThat(rejected.getString("last_rejected.errors[0]")).contains("forever");
            assertThat(history(backend).getString("events[0].outcome")).isEqualTo("rejected");
        }

        Files.writeString(file, "opsbridge.operations.cache-ttl=400ms\n");
        Map<String, String> watched = Map.of("opsbridge.settings.file", file.toString());
        try (BackendProcess backend = BackendProcess.start(work, "watch", watched, Map.of())) {
            JsonPath history = history(backend);
            assertThat(history.getList("events.trigger", String.class)).as("the first run's events")
                    .contains("signal", "admin", "startup");

            Path temp = Files.writeString(config.resolve(".edit"), "opsbridge.operations.cache-ttl=450ms\n");
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            awaitTtl(backend, "450ms");

            Path v1 = Files.createDirectory(config.resolve("..2026_12_01_v1"));
            Files.writeString(v1.resolve("opsbridge-runtime.properties"), "opsbridge.operations.cache-ttl=550ms\n");
            Files.createSymbolicLink(config.resolve("..data_tmp"), v1.getFileName());
            Files.move(config.resolve("..data_tmp"), config.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
            Files.delete(file);
            Files.createSymbolicLink(file, Path.of("..data", "opsbridge-runtime.properties"));
            awaitTtl(backend, "550ms");

            Path v2 = Files.createDirectory(config.resolve("..2026_12_01_v2"));
            Files.writeString(v2.resolve("opsbridge-runtime.properties"), "opsbridge.operations.cache-ttl=650ms\n");
            Files.createSymbolicLink(config.resolve("..data_tmp"), v2.getFileName());
            Files.move(config.resolve("..data_tmp"), config.resolve("..data"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            awaitTtl(backend, "650ms");
            assertThat(settings(backend).getString("trigger")).isEqualTo("watch");
        }
    }

    /**
     * What a reload changes shows in behaviour, not only in the admin answer: with one worker a
     * second training waits as pending; a reload to two workers starts it (the queued job is not
     * dropped), and the new TTL is what {@code Retry-After} tells clients.
     */
    @Test
    void aReloadedWorkerCountStartsTheQueuedJobAndTheNewTtlReachesClients() throws Exception {
        Path file = Files.createDirectories(work.resolve("config")).resolve("opsbridge-runtime.properties");
        Files.writeString(file, "opsbridge.operations.worker-threads=1\nopsbridge.operations.cache-ttl=2s\n");
        Map<String, String> signalOnly = Map.of("opsbridge.settings.file", file.toString(),
                "opsbridge.settings.watch", "false");
        try (BackendProcess backend = BackendProcess.start(work, "workers", signalOnly, Map.of())) {
            String first = startTraining(backend);
            String second = startTraining(backend);
            await().atMost(Duration.ofSeconds(30)).until(() -> "running".equals(status(backend, first)));
            assertThat(status(backend, second)).as("one worker: the second waits").isEqualTo("pending");
            assertThat(backend.http().get("/api/v1/operations/" + second).header("Retry-After")).isEqualTo("2");

            Files.writeString(file, "opsbridge.operations.worker-threads=2\nopsbridge.operations.cache-ttl=5s\n");
            backend.hangup();

            await().atMost(Duration.ofSeconds(30)).until(() -> "running".equals(status(backend, second)));
            assertThat(status(backend, first)).as("the running one is untouched").isEqualTo("running");
            assertThat(backend.http().get("/api/v1/operations/" + first).header("Retry-After")).isEqualTo("5");
            for (String id : List.of(first, second)) {
                backend.http().post("/api/v1/operations/" + id + "/cancel").then().statusCode(200);
            }
        }
    }

    private static String startTraining(BackendProcess backend) {
        return backend.http().contentType("application/json")
                .body("{\"symbols\":[\"AAPL\"],\"epochs\":1000,\"batch_size\":8}")
                .post("/api/v1/trainings").then().statusCode(202).extract().path("operation_id");
    }

    private static String status(BackendProcess backend, String id) {
        return backend.http().get("/api/v1/operations/" + id + "?force_refresh=true").then().statusCode(200)
                .extract().path("status");
    }

    /** 24 reloads, valid and invalid, changing the TTL and the worker count while clients keep reading and starting data loads, all of which complete. */
    private void reloadStormUnderTraffic(BackendProcess backend, Path file) throws Exception {
        AtomicBoolean storming = new AtomicBoolean(true);
        AtomicInteger answers = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(5);
        for (int c = 0; c < 4; c++) {
            String path = c % 2 == 0 ? "/api/v1/operations" : "/api/v1/admin/settings";
            clients.submit(() -> {
                while (storming.get()) {
                    Response answer = (path.contains("/admin/") ? backend.admin() : backend.http()).get(path);
                    String version = answer.header(HEADER);
                    if (answer.statusCode() != 200 || version == null || !version.matches("\\d+")) {
                        failures.add(path + " -> " + answer.statusCode() + " " + version);
                    }
                    answers.incrementAndGet();
                }
            });
        }
        ConcurrentLinkedQueue<String> started = new ConcurrentLinkedQueue<>();
        clients.submit(() -> {
            while (storming.get()) {
                Response answer = backend.http().contentType("application/json")
                        .body("{\"symbols\":[\"AAPL\"],\"timeframe\":\"1d\"}").post("/api/v1/data/loads");
                if (answer.statusCode() == 202) {
                    started.add(answer.path("operation_id"));
                } else {
                    failures.add("start -> " + answer.statusCode() + " " + answer.asString());
                }
                pause(Duration.ofMillis(1200)); // under the per-caller start rate limit
            }
        });
        long quietStart = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).until(() -> answers.get() >= 1500);
        double quietRate = answers.get() / ((System.nanoTime() - quietStart) / 1e9);
        int beforeStorm = answers.get();
        long stormStart = System.nanoTime();
        for (int i = 0; i < 24; i++) {
            int recorded = history(backend).getList("events").size();
            String text = i % 3 == 2 ? "opsbridge.operations.worker-threads=0\n"
                    : "opsbridge.operations.cache-ttl=" + (200 + i) + "ms\nopsbridge.operations.worker-threads="
                            + (1 + i % 3) + "\n";
            Files.writeString(file, text);
            if (i % 2 == 0) {
                backend.hangup();
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> history(backend).getList("events").size() > recorded || recorded == 100);
            } else {
                backend.admin().post("/api/v1/admin/settings/reload").then().statusCode(200);
            }
        }
        double stormRate = (answers.get() - beforeStorm) / ((System.nanoTime() - stormStart) / 1e9);
        storming.set(false);
        org.jboss.logging.Logger.getLogger(SettingsReloadIT.class).infof(
                "BENCH settings: %.0f req/s without reloads, %.0f req/s during 24 reloads in %.1f s",
                quietRate, stormRate, (System.nanoTime() - stormStart) / 1e9);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).isEmpty();
        assertThat(answers.get()).isGreaterThan(24);
        assertThat(started).as("work started during the storm").isNotEmpty();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(started)
                .allSatisfy(id -> assertThat(status(backend, id)).isEqualTo("completed")));
        List<String> outcomes = history(backend).getList("events.outcome", String.class);
        assertThat(outcomes).contains("applied", "rejected");
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitTtl(BackendProcess backend, String ttl) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> ttl.equals(settings(backend).getString("values.'opsbridge.operations.cache-ttl'")));
    }

    private static JsonPath settings(BackendProcess backend) {
        return backend.admin().get("/api/v1/admin/settings").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath history(BackendProcess backend) {
        return backend.admin().get("/api/v1/admin/settings/history?limit=100").then().statusCode(200).extract()
                .jsonPath();
    }
}
