package io.opsbridge.cli.watch;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.cli.output.Texts;
import io.opsbridge.cli.output.Trouble;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A live progress bar for a terminal, drawn by {@code me.tongfei:progressbar}: percentage, elapsed
 * time and ETA, and the current step with the last finished epoch's loss and accuracy (the same
 * numbers as the epoch line above the bar; until the first epoch ends, the last batch's loss, named
 * so) as the extra message.
 * Metrics are printed as lines above the bar. The bar redraws on every refresh, not only when the
 * progress moves, so its elapsed clock keeps running while a dead host's training stands still; what
 * is wrong ({@link Trouble}: host unreachable since …, stalled) leads the extra message.
 *
 * <pre>
 * training  30% │███████▏          │ 30/100% (0:00:04 / 0:00:09) Epoch 4/10 · epoch 3 loss 0.6931 val_acc 0.512
 * </pre>
 */
public class BarProgressView implements ProgressView {

    private final PrintStream terminal;
    private final int width;
    private LineSafeConsumer consumer;
    private ProgressBar bar;
    private Map<String, Object> lastEpoch;

    /** @param width the bar's line length, or 0 to use the terminal's width */
    public BarProgressView(PrintStream terminal, int width) {
        this.terminal = terminal;
        this.width = width;
    }

    @Override
    public synchronized void update(OperationInfo op) {
        long pct = (long) Math.floor(op.progress().percentage());
        if (bar == null) {
            Instant started = op.startedAt() != null ? op.startedAt() : op.createdAt();
            Duration elapsed = started == null ? Duration.ZERO : Duration.between(started, Instant.now());
            consumer = new LineSafeConsumer(width > 0 ? new ConsoleProgressBarConsumer(terminal, width)
                    : new ConsoleProgressBarConsumer(terminal), terminal);
            bar = new ProgressBarBuilder()
                    .setTaskName(op.operationType().wireName())
                    .setInitialMax(100)
                    .setUnit("%", 1)
                    .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                    .setUpdateIntervalMillis(250)
                    .continuousUpdate() // the library's default redraws only on progress: the clock froze
                    .setConsumer(consumer)
                    .startsFrom(pct, elapsed.isNegative() ? Duration.ZERO : elapsed)
                    .build();
        }
        bar.stepTo(Math.max(bar.getCurrent(), pct));
        bar.setExtraMessage(extra(op));
    }

    @Override
    public synchronized void metric(Map<String, Object> metric) {
        if (metric.containsKey("epoch") && metric.containsKey("train_loss")) {
            lastEpoch = metric;
        }
        if (consumer == null) {
            terminal.println("  " + Texts.metric(metric));
        } else {
            consumer.printAbove("  " + Texts.metric(metric));
        }
    }

    /** A line above the bar; the bar itself goes on (one bar across attempts). */
    @Override
    public synchronized void resumed(OperationInfo op) {
        if (consumer == null) {
            terminal.println("  " + ProgressView.resumedLine(op));
        } else {
            consumer.printAbove("  " + ProgressView.resumedLine(op));
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close(); // draws the final state and ends the line
            bar = null;
        }
        terminal.flush();
    }

    private static String step(OperationInfo op) {
        String step = op.progress().currentStep();
        return step == null || step.isBlank() ? op.status().wireName() : step;
    }

    /** What is wrong, the step, and the last epoch's loss and accuracy (or the last batch's loss). */
    private String extra(OperationInfo op) {
        Map<String, Object> context = op.progress().context();
        String trouble = Trouble.brief(op);
        StringBuilder extra = new StringBuilder(trouble.isEmpty() ? "" : "⚠ " + trouble + " · ").append(step(op));
        if (lastEpoch != null) {
            extra.append(" · epoch ").append(lastEpoch.get("epoch"));
            appendNumber(extra, "loss", lastEpoch.get("train_loss"), "%.4f");
            appendNumber(extra, "val_acc", lastEpoch.get("val_accuracy"), "%.3f");
        } else if (context != null && context.get("train_loss") instanceof Number) {
            appendNumber(extra, "batch loss", context.get("train_loss"), "%.4f");
        } else {
            extra.append(" ").append(Texts.cut(op.progress().message(), 40));
        }
        return extra.toString();
    }

    private static void appendNumber(StringBuilder to, String name, Object value, String format) {
        if (value instanceof Number n) {
            to.append(' ').append(name).append(' ')
                    .append(String.format(Locale.ROOT, format, n.doubleValue()));
        }
    }

    /**
     * The library's console consumer, plus one lock so a metric line printed above the bar never
     * interleaves with the bar's own redraw (which runs on the library's refresh thread).
     */
    static final class LineSafeConsumer implements ProgressBarConsumer {
        private final ConsoleProgressBarConsumer delegate;
        private final PrintStream out;

        LineSafeConsumer(ConsoleProgressBarConsumer delegate, PrintStream out) {
            this.delegate = delegate;
            this.out = out;
        }

        @Override
        public synchronized int getMaxRenderedLength() {
            return delegate.getMaxRenderedLength();
        }

        @Override
        public synchronized void accept(String rendered) {
            delegate.accept(rendered);
        }

        /** Blanks the bar's line, prints {@code line}; the bar redraws below it on its next refresh. */
        synchronized void printAbove(String line) {
            out.print('\r' + " ".repeat(Math.max(0, delegate.getMaxRenderedLength())) + '\r');
            out.println(line);
            out.flush();
        }

        @Override
        public synchronized void close() {
            delegate.close();
        }
    }
}
