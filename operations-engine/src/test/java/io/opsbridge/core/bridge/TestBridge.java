package io.opsbridge.core.bridge;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A bridge with public writes for tests, that also counts how often it is read. */
public class TestBridge extends ProgressBridge {

    private final AtomicInteger snapshotReads = new AtomicInteger();

    @Override
    public ProgressSnapshot snapshot() {
        snapshotReads.incrementAndGet();
        return super.snapshot();
    }

    /** How many times a reader took a {@link #snapshot()}. */
    public int snapshotReads() {
        return snapshotReads.get();
    }

    public void progress(double percentage, String message) {
        updateState(w -> w.percentage(percentage).message(message));
    }

    public void context(String key, Object value) {
        updateState(w -> w.context(key, value));
    }

    public void metric(Map<String, Object> metric) {
        appendMetric(metric);
    }

    /** A training-like event: one metric and the current step in one write. */
    public void epoch(int epoch, int epochs, double loss) {
        appendMetricAndUpdateState(Map.of("epoch", epoch, "loss", loss),
                w -> w.currentStep("Epoch " + epoch + "/" + epochs).steps(epoch, epochs).percentage(100.0 * epoch / epochs));
    }
}
