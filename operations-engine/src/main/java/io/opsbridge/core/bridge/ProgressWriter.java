package io.opsbridge.core.bridge;

/**
 * The setters a subclass uses inside {@link ProgressBridge#updateState}. One instance per bridge is
 * reused for every write, so a write allocates nothing of its own.
 */
public interface ProgressWriter {

    ProgressWriter percentage(double percentage);

    ProgressWriter message(String message);

    ProgressWriter currentStep(String currentStep);

    ProgressWriter steps(long completed, long total);

    ProgressWriter items(long processed, long total);

    ProgressWriter currentItem(String currentItem);

    /** Sets one custom field shown under {@code progress.context}; a null value removes it. */
    ProgressWriter context(String key, Object value);
}
