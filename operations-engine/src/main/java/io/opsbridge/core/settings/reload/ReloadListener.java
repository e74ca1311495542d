package io.opsbridge.core.settings.reload;

/** Told of every recorded reload event (e.g. metrics); a listener that throws is logged and skipped. */
@FunctionalInterface
public interface ReloadListener {
    void reloaded(ReloadEvent event);
}
