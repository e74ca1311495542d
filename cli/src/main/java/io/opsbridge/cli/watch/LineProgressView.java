package io.opsbridge.cli.watch;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.cli.output.Texts;
import io.opsbridge.cli.output.Trouble;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Plain lines for logs and pipes (stdout is not a terminal): a line when the status or message
 * changes or the percentage passes another 10%, and one line per metric (so a long run stays short).
 *
 * <pre>
 * [running  ]  40.0%  Epoch 2/5  Training on 4749 samples, validating on 1188
 *   epoch 2: train_loss=1.0932 train_acc=0.383 val_loss=1.1053 val_acc=0.356 (126 ms)
 * </pre>
 */
public class LineProgressView implements ProgressView {

    private final PrintWriter out;
    private String lastKey = "";
    private long lastDecile = -1;

    public LineProgressView(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void update(OperationInfo op) {
        double pct = op.progress().percentage();
        String trouble = Trouble.of(op);
        String key = op.status() + "|" + op.progress().message() + "|" + trouble;
        long decile = (long) Math.floor(pct / 10);
        if (Objects.equals(key, lastKey) && decile == lastDecile) {
            return;
        }
        lastKey = key;
        lastDecile = decile;
        String step = Objects.requireNonNullElse(op.progress().currentStep(), "-");
        String message = Objects.requireNonNullElse(op.progress().message(), "");
        // a message that only repeats the step ("Loading GOOG (3/3)" twice) is printed once
        out.println(String.format(Locale.ROOT, "[%-9s] %5.1f%%  %s  %s", op.status().wireName(), pct, step,
                message.equals(step) ? "" : message).stripTrailing());
        if (!trouble.isEmpty()) {
            out.println("  ⚠ " + trouble);
        }
        out.flush();
    }

    @Override
    public void metric(Map<String, Object> metric) {
        out.println("  " + Texts.metric(metric));
        out.flush();
    }

    @Override
    public void resumed(OperationInfo op) {
        out.println("  " + ProgressView.resumedLine(op));
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
