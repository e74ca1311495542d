package io.opsbridge.core.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** One key whose value differs between two snapshots ({@code null}: not set). */
public record SettingsChange(String key, String from, String to) {

    /** {@code key: from -> to} as people read it (the reload's log line), never the record's Java text. */
    @Override
    public String toString() {
        return key + ": " + (from == null ? "(unset)" : from) + " -> " + (to == null ? "(unset)" : to);
    }

    /** The changes from {@code before} to {@code after}, by key. */
    public static List<SettingsChange> between(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<SettingsChange> changes = new ArrayList<>();
        for (String key : keys) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                changes.add(new SettingsChange(key, before.get(key), after.get(key)));
            }
        }
        return changes;
    }
}
