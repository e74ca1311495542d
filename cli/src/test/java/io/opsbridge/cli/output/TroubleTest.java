package io.opsbridge.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationProgress;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.StatusCounts;
import io.opsbridge.cli.Operations;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A running operation whose host stopped answering is printed as such by {@code ops get} and
 * {@code ops list}, from the context the backend answers with (the host-down flow itself is
 * covered end to end by the backend's {@code HostDownIT} and {@code HostDownBrowserIT}).
 */
class TroubleTest {

    @Test
    void opsGetAndListSayTheHostIsUnreachableAndStalled() {
        OperationInfo op = withContext(Map.of("host_reachable", false, "unreachable_since", "2026-01-01T10:00:00Z",
                "last_host_error", "host unreachable: connection refused", "stalled", true));

        StringWriter get = new StringWriter();
        new OperationPrinter(new PrintWriter(get), OutputFormat.table).details(op);
        assertThat(get.toString()).containsPattern("attention\\s+host unreachable since 2026-01-01 \\d\\d:00:00 "
                + "\\(host unreachable: connection refused\\); stalled");

        StringWriter list = new StringWriter();
        new OperationPrinter(new PrintWriter(list), OutputFormat.table)
                .list(new OperationList(List.of(op), 1, 1, StatusCounts.NONE));
        assertThat(list.toString()).containsPattern("op_t\\s+running!\\s+10.0%")
                .contains("! op_t: host unreachable since ");
    }

    @Test
    void aHealthyOrFinishedOperationHasNoTrouble() {
        assertThat(Trouble.of(withContext(Map.of("host_reachable", true)))).isEmpty();
        assertThat(Trouble.of(Operations.training("op_t", OperationStatus.FAILED, 10, 1, 5, 1, 1))).isEmpty();
    }

    private static OperationInfo withContext(Map<String, Object> context) {
        OperationInfo op = Operations.training("op_t", OperationStatus.RUNNING, 10, 1, 5, 1, 1);
        OperationProgress p = op.progress();
        return new OperationInfo(op.operationId(), op.operationType(), op.status(), op.createdAt(), op.startedAt(),
                op.updatedAt(), null, new OperationProgress(p.percentage(), p.message(), p.currentStep(),
                p.stepsCompleted(), p.stepsTotal(), p.itemsProcessed(), p.itemsTotal(), p.currentItem(), context),
                op.metadata(), null, null, op.metricsCount(), op.version());
    }
}
