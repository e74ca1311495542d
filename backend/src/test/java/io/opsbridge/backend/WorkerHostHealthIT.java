package io.opsbridge.backend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.backend.hosts.TrainingHostProcess;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness and metrics of the packaged backend with a real training host process, while the host
 * is up and after it was killed: readiness names the host and how it is, stays UP (local work still
 * runs) and the metrics say which host is slow or down; the host reports its own checks.
 */
class WorkerHostHealthIT {

    private static final String HOST_TRAINING = "{\"symbols\":[\"AAPL\"],\"epochs\":500,\"batch_size\":16,\"mode\":\"host\"}";

    @TempDir
    Path work;

    @Test
    void readinessNamesTheHostReachableThenUnreachableAndStaysUp() throws Exception {
        TrainingHostProcess host = new TrainingHostProcess();
        try {
            Map<String, String> config = new java.util.HashMap<>(host.start());
            config.put("opsbridge.monitoring.slow-query", "1ms");
            try (BackendProcess backend = BackendProcess.start(work, "health", config, Map.of())) {
                String key = "training " + host.url();

                JsonPath hostReady = given().baseUri(host.url()).get("/q/health/ready").then().statusCode(200)
                        .extract().jsonPath();
                assertThat(hostReady.getList("checks.name", String.class))
                        .contains("operation store", "disk space", "worker capacity");
                assertThat(hostReady.getString("checks.find { it.name == 'disk space' }.data.models")).contains("MB free");
                assertThat(hostReady.getString("checks.find { it.name == 'operation store' }.data.kind"))
                        .as("the host keeps its operations in its own H2 file").isEqualTo("database");
                assertThat(hostReady.getInt("checks.find { it.name == 'worker capacity' }.data.threads")).isPositive();

                JsonPath up = readiness(backend, 200);
                assertThat(up.getString("checks.find { it.name == 'worker hosts' }.data.'" + key + "'")).isEqualTo("reachable");

                String id = backend.http().contentType("application/json").body(HOST_TRAINING).post("/api/v1/trainings")
                        .then().statusCode(202).extract().path("operation_id");
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> backend.http()
                        .queryParam("force_refresh", true).get("/api/v1/operations/{id}", id).jsonPath()
                        .getInt("metrics_count") >= 1);
                String metrics = backend.http().get("/q/metrics").asString();
                assertThat(metrics)
                        .contains("opsbridge_host_calls_seconds_count{host=\"" + host.url() + "\",outcome=\"ok\",}")
                        .contains("opsbridge_host_reachable{host=\"" + host.url() + "\",} 1.0")
                        .contains("opsbridge_refresh_seconds_bucket{source=\"host\"")
                        .contains("opsbridge_operations{status=\"running\",type=\"training\",} 1.0");
                assertThat(backend.logText()).containsPattern("WARN .*slow read of " + id
                        + " \\(force_refresh\\): \\d+ ms \\(store \\d+ ms, bridge 0 ms, host \\d+ ms");

                host.kill();
                backend.http().queryParam("force_refresh", true).get("/api/v1/operations/{id}", id).then().statusCode(200);

                JsonPath down = readiness(backend, 200);
                assertThat(down.getString("status")).isEqualTo("UP");
                assertThat(down.getString("checks.find { it.name == 'worker hosts' }.status")).isEqualTo("UP");
                assertThat(down.getString("checks.find { it.name == 'worker hosts' }.data.'" + key + "'"))
                        .startsWith("unreachable: connection refused");
                assertThat(down.getString("checks.find { it.name == 'worker hosts' }.data.'" + key + " last_error'"))
                        .contains("unreachable");
                assertThat(backend.http().get("/q/metrics").asString())
                        .contains("opsbridge_host_reachable{host=\"" + host.url() + "\",} 0.0")
                        .contains("opsbridge_host_calls_seconds_count{host=\"" + host.url() + "\",outcome=\"unreachable\",}");

                backend.http().contentType("application/json")
                        .body("{\"symbols\":[\"AAPL\"],\"epochs\":1,\"mode\":\"local\"}").post("/api/v1/trainings")
                        .then().statusCode(202);
            }
        } finally {
            host.stop();
        }
    }

    private static JsonPath readiness(BackendProcess backend, int status) {
        return backend.http().get("/q/health/ready").then().statusCode(status).extract().jsonPath();
    }
}
