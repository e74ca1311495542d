package io.opsbridge.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.api.OperationStatus;
import io.opsbridge.cli.Operations;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class BarProgressViewTest {

    @Test
    void barShowsPercentStepAndTheEpochsLossAndMetricsPrintAboveIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        BarProgressView view = new BarProgressView(terminal, 120);

        view.update(Operations.training("op_1", OperationStatus.RUNNING, 40, 1, 3, 0, 5));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> bytes.toString(StandardCharsets.UTF_8)
                .contains("Epoch 1/3 batch loss 0.6931"));
        view.metric(Operations.epoch(1));
        view.update(Operations.training("op_1", OperationStatus.COMPLETED, 100, 3, 3, 3, 9));
        view.close();

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("\r  epoch 1: train_loss=0.7000 train_acc=0.500 val_loss=0.6900 val_acc=0.510 (12 ms)\n");
        String lastBar = out.substring(out.lastIndexOf('\r') + 1);
        assertThat(lastBar).as("the epoch's loss, as on the epoch line; not the last batch's")
                .contains("training 100%").contains("Epoch 3/3 · epoch 1 loss 0.7000 val_acc 0.510");
    }

    @Test
    void whileTheHostIsUnreachableTheBarSaysSoAndItsClockKeepsRunning() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        BarProgressView view = new BarProgressView(terminal, 160);

        // one state, never updated again: the host stopped answering, the progress stands still
        view.update(Operations.withContext(Operations.training("op_1", OperationStatus.RUNNING, 40, 2, 3, 1, 5),
                Map.of("host_reachable", false, "unreachable_since", "2026-01-01T10:00:00Z",
                        "last_host_error", "connection refused", "stalled", true)));
        Pattern elapsed = Pattern.compile("\\((\\d+:\\d\\d:\\d\\d) /");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
            Matcher clocks = elapsed.matcher(bytes.toString(StandardCharsets.UTF_8));
            return clocks.results().map(m -> m.group(1)).collect(Collectors.toSet()).size() >= 2;
        });
        view.close();

        String out = bytes.toString(StandardCharsets.UTF_8);
        String lastBar = out.substring(out.lastIndexOf('\r') + 1);
        assertThat(lastBar).containsPattern("training  40% .*\\) ⚠ host unreachable since 2026-01-01 \\d\\d:00:00; stalled"
                + " · Epoch 2/3");
    }
}
