package io.opsbridge.core.hosts;

import java.util.List;
import java.util.Map;

/**
 * What every request to start work has, whatever its type: where it should run and what the
 * operation's metadata records of it. {@code TrainingRequest} and {@code DataLoadRequest} are ones.
 * Each implementation's {@link #withMode} returns its own type.
 */
public interface WorkRequest {

    /** Run in this process. */
    String MODE_LOCAL = "local";
    /** Run on a worker host. */
    String MODE_HOST = "host";

    /** {@code local}, {@code host}, or null/blank for the configured default. */
    String mode();

    /** A copy with another mode, of the same type. */
    WorkRequest withMode(String mode);

    List<String> symbols();

    String timeframe();

    /** The request's own parameters as the operation's {@code metadata.parameters} shows them. */
    Map<String, Object> toParameters();

    /**
     * A copy with everything its run would otherwise draw at random fixed now (a training's seed),
     * recorded with the operation at creation so every attempt, here or on a host, runs it alike;
     * of the same type. Work with nothing random answers itself.
     */
    default WorkRequest reproducible() {
        return this;
    }
}
