package io.opsbridge.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.backend.hosts.TrainingHostProcess;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Job logs through the packaged backend and a real training host: a local training's log has a line
 * per epoch, a failed data load's log names the symbol and the cause, a host training's log is read
 * through the backend line by line, and a cursor older than the lines kept gets the dropped count.
 * The backend keeps {@value #KEPT} lines per operation, so the host training's log outgrows it.
 */
class OperationLogsIT {

    private static final int KEPT = 30;
    private static final int HOST_EPOCHS = 40;

    @TempDir
    static Path work;
    private static TrainingHostProcess host;
    private static BackendProcess backend;

    @BeforeAll
    static void start() throws Exception {
        host = new TrainingHostProcess();
        Map<String, String> properties = new HashMap<>(host.start());
        properties.put("opsbridge.store.log-max-lines", String.valueOf(KEPT));
        properties.put("opsbridge.data.source-dir", work.resolve("sources").toString());
        Files.createDirectories(work.resolve("sources"));
        Files.writeString(work.resolve("sources/BADLOG_1h.csv"),
                "timestamp,open,high,low,close,volume\n2024-01-02T10:00:00Z,1,2,x,1.5,100\n");
        backend = BackendProcess.start(work, "logs", properties, Map.of());
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
        if (host != null) {
            host.stop();
        }
    }

    @Test
    void aLocalTrainingsLogHasALinePerEpochAndEachLineOnceByCursor() {
        String id = RestartIT.start(backend, "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":12,"
                + "\"batch_size\":64,\"seed\":3}");
        List<JsonPath> pages = new ArrayList<>();
        int[] cursor = {0};
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(150)).until(() -> {
            String status = RestartIT.status(backend, id);
            JsonPath page = logs(id, cursor[0]);
            pages.add(page);
            cursor[0] = page.getInt("new_cursor");
            return status.equals("completed");
        });
        pages.add(logs(id, cursor[0]));

        List<String> followed = pages.stream().flatMap(p -> p.getList("lines.message", String.class).stream()).toList();
        List<Integer> seqs = pages.stream().flatMap(p -> p.getList("lines.seq", Integer.class).stream()).toList();
        assertThat(seqs).as("each line once, in order").isEqualTo(IntStream.range(0, seqs.size()).boxed().toList());
        assertThat(epochLines(followed)).isEqualTo(IntStream.rangeClosed(1, 12).mapToObj(e -> "Epoch " + e + "/12").toList());
        assertThat(followed).last().isEqualTo("completed");
        assertThat(logs(id, 0).getList("lines.message", String.class)).as("stored as followed").isEqualTo(followed);
        assertThat(logs(id, cursor[0]).getList("lines")).as("nothing new after the end").isEmpty();
    }

    @Test
    void aFailedDataLoadsLogNamesTheSymbolAndTheCauseAndItsOperationLinksIt() {
        String id = backend.http().contentType("application/json").body("{\"symbols\":[\"BADLOG\"],\"timeframe\":\"1h\","
                + "\"start_date\":\"2024-01-01\",\"end_date\":\"2024-12-31\",\"source\":\"csv\"}")
                .post("/api/v1/data/loads").then().statusCode(202).extract().path("operation_id");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> RestartIT.status(backend, id).equals("failed"));

        JsonPath failed = backend.http().get("/api/v1/operations/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(failed.getString("links.logs")).isEqualTo("/api/v1/operations/" + id + "/logs");
        JsonPath log = backend.http().queryParam("cursor", 0).get(failed.getString("links.logs")).then().statusCode(200)
                .extract().jsonPath();
        List<String> lines = log.getList("lines.message", String.class);
        assertThat(lines).anyMatch(line -> line.contains("BADLOG") && line.contains("not a number in column 'low'"));
        assertThat(lines).last().asString().startsWith("failed: no symbol could be loaded").contains("BADLOG");
        assertThat(log.getList("lines.level", String.class)).last().isEqualTo("error");
        assertThat(String.join("\n", lines)).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aHostTrainingsLogIsReadThroughTheBackendAndAnOldCursorGetsTheDroppedCount() {
        String id = RestartIT.start(backend, "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1h\",\"epochs\":" + HOST_EPOCHS
                + ",\"batch_size\":32,\"seed\":5,\"mode\":\"host\"}");
        List<String> followed = new ArrayList<>();
        int[] cursor = {0};
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String status = RestartIT.status(backend, id);
            JsonPath page = logs(id, cursor[0]);
            assertThat(page.getInt("dropped")).as("a reader that keeps up misses nothing").isZero();
            followed.addAll(page.getList("lines.message", String.class));
            cursor[0] = page.getInt("new_cursor");
            return status.equals("completed");
        });
        followed.addAll(logs(id, cursor[0]).getList("lines.message", String.class));

        assertThat(epochLines(followed)).isEqualTo(IntStream.rangeClosed(1, HOST_EPOCHS)
                .mapToObj(e -> "Epoch " + e + "/" + HOST_EPOCHS).toList());
        assertThat(followed).last().isEqualTo("completed");
        JsonPath fromStart = logs(id, 0);
        int total = cursor[0];
        assertThat(fromStart.getInt("dropped")).as("the backend keeps the last %d lines", KEPT).isEqualTo(total - KEPT);
        assertThat(fromStart.getInt("lines[0].seq")).isEqualTo(total - KEPT);
        assertThat(fromStart.getList("lines.message", String.class)).isEqualTo(followed.subList(total - KEPT, total));
    }

    private static List<String> epochLines(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("Epoch ")).map(line -> line.substring(0, line.indexOf(':')))
                .toList();
    }

    static JsonPath logs(String id, int cursor) {
        return backend.http().queryParam("cursor", cursor).get("/api/v1/operations/{id}/logs", id).then()
                .statusCode(200).extract().jsonPath();
    }
}
