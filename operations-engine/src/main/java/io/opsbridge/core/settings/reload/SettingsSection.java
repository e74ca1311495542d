package io.opsbridge.core.settings.reload;

import io.opsbridge.core.settings.RuntimeSettings;
import java.util.List;
import java.util.Set;

/**
 * One area of the runtime settings file: which keys a reload may change, which keys need a
 * restart, and the cross-field rules a candidate must pass. The core contributes its own
 * ({@link CoreSettingsSection}); an application adds its areas as CDI beans of this type.
 */
public interface SettingsSection {

    /** The {@code @ConfigMapping} interfaces this area adds to a snapshot (none for the engine's own). */
    List<Class<?>> mappings();

    /** Keys a reload applies. */
    Set<String> reloadableKeys();

    /** Keys of this area's mappings that only a restart changes; a file that sets one is rejected. */
    Set<String> restartKeys();

    /**
     * Keys outside this area's mappings that a file may not set because only a restart changes
     * them (e.g. a directory); unlike {@link #restartKeys} they are not carried into a snapshot.
     */
    default Set<String> restartOnlyKeys() {
        return Set.of();
    }

    /** Every broken cross-field rule of {@code candidate}, as a message naming the key; empty if none. */
    List<String> check(RuntimeSettings candidate);
}
