package io.opsbridge.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.api.OperationStatus;
import io.opsbridge.cli.Operations;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineProgressViewTest {

    @Test
    void printsALineOnlyWhenStatusMessageOrDecileChanges() {
        StringWriter text = new StringWriter();
        LineProgressView view = new LineProgressView(new PrintWriter(text));

        view.update(Operations.training("op_1", OperationStatus.RUNNING, 11, 1, 3, 0, 2));
        view.update(Operations.training("op_1", OperationStatus.RUNNING, 15, 2, 3, 0, 3));
        view.update(Operations.training("op_1", OperationStatus.RUNNING, 21, 1, 3, 0, 4));
        view.update(Operations.training("op_1", OperationStatus.RUNNING, 40, 2, 3, 1, 5));
        view.update(Operations.training("op_1", OperationStatus.COMPLETED, 100, 3, 3, 3, 9));

        assertThat(text.toString().lines()).containsExactly(
                "[running  ]  11.0%  Epoch 1/3  Training",
                "[running  ]  21.0%  Epoch 1/3  Training",
                "[running  ]  40.0%  Epoch 2/3  Training",
                "[completed] 100.0%  Epoch 3/3  Training");
    }

    @Test
    void aHostThatStopsAnsweringIsSaidOnceBelowTheLineAndAgainWhenItStalls() {
        StringWriter text = new StringWriter();
        LineProgressView view = new LineProgressView(new PrintWriter(text));
        var running = Operations.training("op_1", OperationStatus.RUNNING, 40, 2, 3, 1, 5);
        Map<String, Object> down = Map.of("host_reachable", false, "unreachable_since", "2026-01-01T10:00:00Z");

        view.update(running);
        view.update(Operations.withContext(running, down));
        view.update(Operations.withContext(running, down));
        view.update(Operations.withContext(running, Map.of("host_reachable", false,
                "unreachable_since", "2026-01-01T10:00:00Z", "stalled", true)));

        assertThat(text.toString().lines()).hasSize(5);
        assertThat(text.toString().lines().toList().get(2)).matches("  ⚠ host unreachable since 2026-01-01 \\d\\d:00:00");
        assertThat(text.toString().lines().toList().get(4)).endsWith("; stalled (no progress within its stall limit)");
    }
}
