package io.opsbridge.benchmarks;

import io.opsbridge.core.bridge.ProgressSnapshot;
import io.opsbridge.core.bridge.ProgressWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A copy of the bridge's private mutable state, so the lock variants write exactly what it writes. */
final class CopiedState implements ProgressWriter {
    private double percentage;
    private String message;
    private String currentStep;
    private long stepsCompleted;
    private long stepsTotal;
    private long itemsProcessed;
    private long itemsTotal;
    private String currentItem;
    private Map<String, Object> context;
    private long updatedAtMillis;
    private long version;

    void touch() {
        updatedAtMillis = System.currentTimeMillis();
        version++;
    }

    ProgressSnapshot toSnapshot() {
        return new ProgressSnapshot(percentage, message, currentStep, stepsCompleted, stepsTotal,
                itemsProcessed, itemsTotal, currentItem,
                context == null ? Map.of() : Map.copyOf(context),
                version == 0 ? null : Instant.ofEpochMilli(updatedAtMillis), version, 0);
    }

    @Override
    public ProgressWriter percentage(double percentage) {
        this.percentage = percentage;
        return this;
    }

    @Override
    public ProgressWriter message(String message) {
        this.message = message;
        return this;
    }

    @Override
    public ProgressWriter currentStep(String currentStep) {
        this.currentStep = currentStep;
        return this;
    }

    @Override
    public ProgressWriter steps(long completed, long total) {
        this.stepsCompleted = completed;
        this.stepsTotal = total;
        return this;
    }

    @Override
    public ProgressWriter items(long processed, long total) {
        this.itemsProcessed = processed;
        this.itemsTotal = total;
        return this;
    }

    @Override
    public ProgressWriter currentItem(String currentItem) {
        this.currentItem = currentItem;
        return this;
    }

    @Override
    public ProgressWriter context(String key, Object value) {
        if (value == null) {
            if (context != null) {
                context.remove(key);
            }
            return this;
        }
        if (context == null) {
            context = new HashMap<>();
        }
        context.put(key, value);
        return this;
    }
}
