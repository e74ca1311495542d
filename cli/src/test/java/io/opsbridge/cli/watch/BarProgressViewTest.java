package io.opsbridge.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.api.OperationStatus;
import io.opsbridge.cli.Operations;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BarProgressViewTest {

    @Test
    void barShowsPercentStepAndLossAndMetricsPrintAboveIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        BarProgressView view = new BarProgressView(terminal, 120);

        view.update(Operations.training("op_1", OperationStatus.RUNNING, 40, 2, 3, 1, 5));
        view.metric(Operations.epoch(1));
        view.update(Operations.training("op_1", OperationStatus.COMPLETED, 100, 3, 3, 3, 9));
        view.close();

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("\r  epoch 1: train_loss=0.7000 train_acc=0.500 val_loss=0.6900 val_acc=0.510 (12 ms)\n");
        String lastBar = out.substring(out.lastIndexOf('\r') + 1);
        assertThat(lastBar).contains("training 100%").contains("Epoch 3/3 loss 0.6931 val_acc 0.512");
    }
}
