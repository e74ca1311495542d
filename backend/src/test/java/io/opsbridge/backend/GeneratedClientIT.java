package io.opsbridge.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.opsbridge.generated.client.ApiException;
import io.opsbridge.generated.client.api.AdminApi;
import io.opsbridge.generated.client.api.DataLoadsApi;
import io.opsbridge.generated.client.api.OperationsApi;
import io.opsbridge.generated.client.api.TrainingsApi;
import io.opsbridge.generated.client.model.DataLoadRequest;
import io.opsbridge.generated.client.model.Metric;
import io.opsbridge.generated.client.model.MetricsResponse;
import io.opsbridge.generated.client.model.NewToken;
import io.opsbridge.generated.client.model.OperationInfo;
import io.opsbridge.generated.client.model.OperationStatus;
import io.opsbridge.generated.client.model.Problem;
import io.opsbridge.generated.client.model.TrainingRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged backend driven through a Java client generated at build time from the committed OpenAPI
 * document (contract/openapi/backend.json, which {@link OpenApiDocumentIT} holds equal to the served one), as a
 * team that integrates would use it: a token from the admin, starts, following by long-poll and ETag, metrics by
 * cursor, results, a search, a cancel, and errors as typed problem details. Under {@code require-auth-for=all},
 * so every call works only because the client sends the token it was configured with. Each test makes its own
 * token, so the per-token start limit of one test never reaches another.
 */
class GeneratedClientIT {

    private static final EnumSet<OperationStatus> ENDED =
            EnumSet.of(OperationStatus.COMPLETED, OperationStatus.FAILED, OperationStatus.CANCELLED);
    private static final int STARTS_PER_TOKEN = 3;

    @TempDir
    static Path work;

    private static BackendProcess backend;
    private static String url;

    @BeforeAll
    static void startThePackagedBackend() throws Exception {
        backend = BackendProcess.start(work, "generated-client", Map.of(
                "opsbridge.security.require-auth-for", "all",
                "opsbridge.security.rate-limit.starts.burst", String.valueOf(STARTS_PER_TOKEN),
                "opsbridge.security.rate-limit.starts.refill-period", "1h"), Map.of());
        url = "http://127.0.0.1:" + backend.port;
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void aDataLoadIsStartedFollowedByLongPollAndETagAndReadToTheEnd() throws Exception {
        TeamClient team = operator("loads");
        OperationInfo started = new DataLoadsApi(team).startDataLoad(new DataLoadRequest().symbols(List.of("AAPL"))
                .timeframe("1h").startDate("2024-01-01").endDate("2024-02-01").source(DataLoadRequest.SourceEnum.SAMPLE),
                null);
        String id = started.getOperationId();
        assertThat(team.lastStatus()).isEqualTo(202);
        assertThat(team.lastHeader("Location")).endsWith("/api/v1/operations/" + id);

        OperationsApi operations = new OperationsApi(team);
        Followed followed = followToTheEnd(team, operations, id);
        OperationInfo done = followed.last();
        assertThat(done.getStatus()).isEqualTo(OperationStatus.COMPLETED);
        String etag = followed.etag();
        assertThat(etag).isEqualTo("\"" + done.getVersion() + "\"");

        assertThat(operations.getOperation(id, null, null, null, etag)).as("304: keep what you have").isNull();
        assertThat(team.lastStatus()).isEqualTo(304);
        assertThat(team.lastHeader("ETag")).isEqualTo(etag);

        List<Metric> metrics = allMetrics(operations, id);
        assertThat(metrics).hasSize(done.getMetricsCount());
        assertThat(metrics).extracting(Metric::getSymbol).containsExactly("AAPL");
        assertThat(metrics.get(0).getRowsLoaded()).isPositive();
        assertThat(operations.getOperationResults(id).getResultSummary()).isNotEmpty();
    }

    @Test
    void aTrainingIsFollowedItsEpochsReadByCursorAndFoundInASearch() throws Exception {
        TeamClient team = operator("trainings");
        OperationInfo started = new TrainingsApi(team).startTraining(new TrainingRequest().symbols(List.of("AAPL"))
                .timeframe("1h").epochs(2).batchSize(64).seed(7L).mode(TrainingRequest.ModeEnum.LOCAL), null);
        String id = started.getOperationId();
        assertThat(started.getMetadata().getMode()).isEqualTo(io.opsbridge.generated.client.model.OperationMetadata.ModeEnum.LOCAL);

        OperationsApi operations = new OperationsApi(team);
        OperationInfo done = followToTheEnd(team, operations, id).last();
        assertThat(done.getStatus()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(done.getCompletedAt()).isNotNull();
        assertThat(allMetrics(operations, id)).extracting(Metric::getEpoch).containsExactly(1L, 2L);
        assertThat(operations.getOperationResults(id).getResultSummary()).containsKey("model_path");

        List<String> found = operations.listOperations(null, null, null, 50, null, "training", null,
                OperationStatus.COMPLETED, null, "AAPL").getOperations().stream().map(OperationInfo::getOperationId)
                .toList();
        assertThat(found).contains(id);
    }

    @Test
    void aRunningTrainingIsCancelledAndACancelAgainAnswersTheSame() throws Exception {
        TeamClient team = operator("cancels");
        String id = new TrainingsApi(team).startTraining(new TrainingRequest().symbols(List.of("AAPL"))
                .timeframe("1h").epochs(500).batchSize(16).seed(3L), null).getOperationId();
        OperationsApi operations = new OperationsApi(team);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> operations.getOperation(id, null, null, null, null).getStatus() != OperationStatus.PENDING);

        assertThat(operations.cancelOperation(id).getStatus()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(operations.cancelOperation(id).getStatus()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(operations.getOperation(id, true, null, null, null).getStatus()).isEqualTo(OperationStatus.CANCELLED);
    }

    @Test
    void errorsArriveAsProblemDetailsTheClientCanRead() throws Exception {
        TeamClient team = operator("errors");
        ApiException missing = catchThrowableOfType(ApiException.class, () -> new OperationsApi(team)
                .getOperation("op_training_20990101_000000_00000000", null, null, null, null));
        assertThat(missing.getCode()).isEqualTo(404);
        Problem notFound = team.problem(missing);
        assertThat(notFound.getType()).isEqualTo("urn:opsbridge:problem:not-found");
        assertThat(notFound.getStatus()).isEqualTo(404);

        ApiException invalid = catchThrowableOfType(ApiException.class, () -> new TrainingsApi(team)
                .startTraining(new TrainingRequest().symbols(List.of("AAPL")).epochs(0), null));
        assertThat(invalid.getCode()).isEqualTo(400);
        assertThat(team.problem(invalid).getField()).isEqualTo("epochs");

        TeamClient noToken = new TeamClient(url, null);
        ApiException refused = catchThrowableOfType(ApiException.class, () -> new OperationsApi(noToken)
                .listOperations(null, null, null, null, null, null, null, null, null, null));
        assertThat(refused.getCode()).isEqualTo(401);
        assertThat(TeamClient.header(refused.getResponseHeaders(), "WWW-Authenticate")).startsWith("Bearer");
        assertThat(noToken.problem(refused).getType()).isEqualTo("urn:opsbridge:problem:unauthorized");
    }

    @Test
    void aStartOverTheLimitIsA429ThatSaysWhenToRetry() throws Exception {
        TeamClient team = operator("limits");
        DataLoadsApi loads = new DataLoadsApi(team);
        DataLoadRequest load = new DataLoadRequest().symbols(List.of("MSFT")).startDate("2024-01-01")
                .endDate("2024-01-08");
        for (int i = 0; i < STARTS_PER_TOKEN; i++) {
            loads.startDataLoad(load, null);
        }
        ApiException limited = catchThrowableOfType(ApiException.class, () -> loads.startDataLoad(load, null));
        assertThat(limited.getCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(TeamClient.header(limited.getResponseHeaders(), "Retry-After"));
        assertThat(retryAfter).isPositive();
        Problem problem = team.problem(limited);
        assertThat(problem.getType()).isEqualTo("urn:opsbridge:problem:rate-limited");
        assertThat(problem.getDetail()).contains("retry in " + retryAfter + "s");
    }

    /** A new operator token, made by the admin through the generated client, and a client that sends it. */
    private static TeamClient operator(String name) throws ApiException {
        String secret = new AdminApi(new TeamClient(url, TestTokens.ADMIN))
                .createToken(new NewToken().name("team-" + name).role(NewToken.RoleEnum.OPERATOR)).getSecret();
        return new TeamClient(url, secret);
    }

    /** What following ended with: the last answer and its ETag. */
    private record Followed(OperationInfo last, String etag) {
    }

    /** Long-polls with the last ETag until the operation ends; a 304 (nothing new within the wait) keeps it. */
    private static Followed followToTheEnd(TeamClient team, OperationsApi operations, String id) {
        OperationInfo[] last = {null};
        String[] etag = {null};
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10)).until(() -> {
            OperationInfo answer = operations.getOperation(id, null, "5s", null, etag[0]);
            if (answer != null) {
                last[0] = answer;
                etag[0] = team.lastHeader("ETag");
            }
            return last[0] != null && ENDED.contains(last[0].getStatus());
        });
        return new Followed(last[0], etag[0]);
    }

    /** Every metric, read page by page: each answer's new_cursor is the next request's cursor. */
    private static List<Metric> allMetrics(OperationsApi operations, String id) throws ApiException {
        List<Metric> all = new ArrayList<>();
        int cursor = 0;
        while (true) {
            MetricsResponse page = operations.getOperationMetrics(id, cursor);
            if (page.getMetrics().isEmpty()) {
                return all;
            }
            all.addAll(page.getMetrics());
            assertThat(page.getNewCursor()).isGreaterThan(cursor);
            cursor = page.getNewCursor();
        }
    }
}
