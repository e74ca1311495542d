package io.opsbridge.core.settings.reload;

import io.opsbridge.core.settings.RuntimeSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Every {@link SettingsSection} of one application: what a file may set, and the rules it must pass. */
public final class SettingsCatalog {

    /** Prefixes that always need a restart (ports, datasources, the reload's own settings). */
    private static final List<String> RESTART_PREFIXES = List.of("quarkus.", "opsbridge.settings.");

    /** Keys outside any section that only a restart changes (data directories). */
    private static final Set<String> RESTART_KEYS = Set.of("opsbridge.data-dir", "opsbridge.training.data-dir",
            "opsbridge.training.models-dir", "opsbridge.data.datasets-dir", "opsbridge.data.source-dir",
            "opsbridge.data.sample-at-startup", "opsbridge.data.progress-every-rows");

    private final List<SettingsSection> sections;
    private final Set<String> reloadable;
    private final Set<String> restart;
    private final Set<String> restartOnly;
    private final Class<?>[] mappings;

    public SettingsCatalog(List<SettingsSection> sections) {
        this.sections = List.copyOf(sections);
        Set<String> keys = new TreeSet<>();
        Set<String> restartKeys = new TreeSet<>();
        Set<String> restartOnlyKeys = new TreeSet<>(RESTART_KEYS);
        Set<Class<?>> types = new LinkedHashSet<>();
        for (SettingsSection section : sections) {
            keys.addAll(section.reloadableKeys());
            restartKeys.addAll(section.restartKeys());
            restartOnlyKeys.addAll(section.restartOnlyKeys());
            types.addAll(section.mappings());
        }
        this.reloadable = Collections.unmodifiableSet(keys);
        this.restart = Collections.unmodifiableSet(restartKeys);
        this.restartOnly = Collections.unmodifiableSet(restartOnlyKeys);
        this.mappings = types.toArray(Class<?>[]::new);
    }

    /** The engine's section only. */
    public static SettingsCatalog core() {
        return new SettingsCatalog(List.of(new CoreSettingsSection()));
    }

    /** The keys a reload applies, sorted. */
    public Set<String> reloadableKeys() {
        return reloadable;
    }

    /** The keys of the mapped sections that a snapshot carries over from startup unchanged. */
    public Set<String> restartKeys() {
        return restart;
    }

    public boolean isReloadable(String key) {
        return reloadable.contains(key);
    }

    public boolean needsRestart(String key) {
        return restart.contains(key) || restartOnly.contains(key) || RESTART_PREFIXES.stream().anyMatch(key::startsWith);
    }

    /** The application's own mappings, for {@link RuntimeSettings#of}. */
    Class<?>[] mappings() {
        return mappings.clone();
    }

    /** Every cross-field rule broken by {@code candidate}. */
    List<String> check(RuntimeSettings candidate) {
        List<String> errors = new ArrayList<>();
        for (SettingsSection section : sections) {
            errors.addAll(section.check(candidate));
        }
        return errors;
    }

    /** The reloadable values of {@code settings}, by key (keys without a value are left out). */
    public Map<String, String> values(RuntimeSettings settings) {
        Map<String, String> values = new TreeMap<>();
        for (String key : reloadable) {
            String value = settings.value(key);
            if (value != null) {
                values.put(key, value);
            }
        }
        return values;
    }
}
