package io.opsbridge.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain scrape of {@code /q/metrics} after what an operator's day holds (a training that
 * completes and activates its model, one cancelled while it waited in the queue, one cancelled while
 * running, a start refused for capacity, an admin call refused by its rate limit): it is the
 * Prometheus text format, {@code promtool check metrics} finds nothing wrong with the
 * {@code opsbridge_*} families, and the operation counters add up as the README says.
 */
class MetricsScrapeIT {

    @TempDir
    Path work;

    @Test
    void aPlainScrapeIsPrometheusTextThatPromtoolAcceptsAndWhoseCountersAddUp() throws Exception {
        Map<String, String> properties = Map.of("opsbridge.operations.worker-threads", "1",
                "opsbridge.operations.queue-capacity", "1", "opsbridge.security.rate-limit.admin.burst", "2");
        try (BackendProcess backend = BackendProcess.start(work, "metrics", properties, Map.of())) {
            String running = train(backend, 1000).then().statusCode(202).extract().path("operation_id");
            await().atMost(Duration.ofSeconds(30)).until(() -> "running".equals(status(backend, running)));
            String queued = train(backend, 2).then().statusCode(202).extract().path("operation_id");
            train(backend, 2).then().statusCode(503).body("type", org.hamcrest.Matchers.endsWith("capacity-exceeded"));
            assertThat(status(backend, queued)).isEqualTo("pending");
            cancel(backend, queued);
            cancel(backend, running);
            await("the cancelled job's worker is free again").atMost(Duration.ofSeconds(30)).until(() ->
                    backend.http().get("/q/metrics").asString().contains("opsbridge_workers_busy 0.0"));

            String trained = train(backend, 2).then().statusCode(202).extract().path("operation_id");
            await().atMost(Duration.ofMinutes(1)).until(() -> "completed".equals(status(backend, trained)));
            assertThat(backend.admin().get("/api/v1/operations/" + trained).path("result_summary.activated")
                    .toString()).isEqualTo("true");
            List<Integer> reloads = List.of(1, 2, 3).stream().map(i -> backend.admin()
                    .post("/api/v1/admin/settings/reload?dry_run=true").statusCode()).toList();
            assertThat(reloads).contains(429);

            Response scrape = backend.http().get("/q/metrics");
            assertThat(scrape.contentType()).startsWith("text/plain").contains("version=0.0.4");
            String text = scrape.asString();
            assertThat(backend.http().header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8")
                    .get("/q/metrics").contentType()).startsWith("application/openmetrics-text");

            String ours = text.lines().filter(line -> line.matches("^(# (HELP|TYPE) )?opsbridge_.*"))
                    .collect(Collectors.joining("\n", "", "\n"));
            assertThat(promtool(ours)).isEmpty();

            double created = sum(text, "opsbridge_operations_created_total", "training");
            double started = sum(text, "opsbridge_operations_started_total", "training");
            double endedBeforeStart = sum(text, "opsbridge_operations_ended_before_start_total", "training");
            double rejected = sum(text, "opsbridge_capacity_rejections_total", "training");
            double finished = sum(text, "opsbridge_operations_completed_total", "training")
                    + sum(text, "opsbridge_operations_failed_total", "training")
                    + sum(text, "opsbridge_operations_cancelled_total", "training");
            assertThat(created).isEqualTo(4);
            assertThat(rejected).isEqualTo(1);
            assertThat(endedBeforeStart).as("the one cancelled while queued").isEqualTo(1);
            assertThat(started).isEqualTo(2);
            assertThat(created).as("created = started + ended before start + refused (nothing pending)")
                    .isEqualTo(started + endedBeforeStart + rejected);
            assertThat(started).as("started = finished - ended before start (nothing running)")
                    .isEqualTo(finished - endedBeforeStart);
            assertThat(sum(text, "opsbridge_model_activations_total", "")).isEqualTo(1);
            assertThat(sum(text, "opsbridge_model_reloads_total", "loaded")).isGreaterThanOrEqualTo(1);
            assertThat(sum(text, "opsbridge_rate_limited_total", "admin")).isEqualTo(1);
            assertThat(text).contains("opsbridge_worker_queue_depth 0.0", "opsbridge_worker_queue_capacity 1.0");
        }
    }

    private static Response train(BackendProcess backend, int epochs) {
        return backend.admin().contentType("application/json")
                .body("{\"symbols\":[\"AAPL\"],\"epochs\":" + epochs + ",\"batch_size\":8,\"seed\":5,\"auto_activate\":true}")
                .post("/api/v1/trainings");
    }

    private static void cancel(BackendProcess backend, String id) {
        backend.admin().post("/api/v1/operations/" + id + "/cancel").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("cancelled"));
    }

    private static String status(BackendProcess backend, String id) {
        return backend.admin().get("/api/v1/operations/" + id + "?force_refresh=true").then().statusCode(200)
                .extract().path("status");
    }

    /** The sum of a family's samples whose labels contain {@code label} (all of them for ""). */
    private static double sum(String text, String family, String label) {
        Pattern sample = Pattern.compile("^" + family + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = sample.matcher(text);
        double total = 0;
        while (matcher.find()) {
            String labels = matcher.group(1) == null ? "" : matcher.group(1);
            if (labels.contains(label)) {
                total += Double.parseDouble(matcher.group(2));
            }
        }
        return total;
    }

    /** What {@code promtool check metrics} says about the text (nothing when it is fine); fails if promtool fails to run. */
    private static String promtool(String metrics) throws IOException, InterruptedException {
        Process promtool;
        try {
            promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("promtool is not on the PATH: .ci/run installs it from Debian's "
                    + "prometheus package (apt-get download prometheus; dpkg -x)", e);
        }
        try (var in = promtool.getOutputStream()) {
            in.write(metrics.getBytes(StandardCharsets.UTF_8));
        }
        String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return promtool.exitValue() == 0 ? said.strip() : "exit " + promtool.exitValue() + ": " + said;
    }
}
