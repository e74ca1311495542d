package io.opsbridge.core.settings.reload;

import io.opsbridge.core.settings.RuntimeSettings;
import io.smallrye.config.ConfigValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a file's properties into a typed candidate snapshot, or every reason it cannot be one.
 * The candidate starts from the startup values (so a key removed from the file goes back to what
 * the application was started with), then takes the file's reloadable keys; a key that needs a
 * restart or is unknown is an error. Type errors come from SmallRyeConfig's mapping validation,
 * then the sections' cross-field rules run; all errors are reported together.
 */
public final class CandidateValidator {

    /** A valid candidate, or the errors; never both. */
    public record Result(RuntimeSettings candidate, List<String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final SettingsCatalog catalog;
    private final Map<String, String> base;

    /** @param startup the snapshot the application started with, the base of every candidate */
    public CandidateValidator(SettingsCatalog catalog, RuntimeSettings startup) {
        this.catalog = catalog;
        this.base = new HashMap<>();
        for (String key : catalog.reloadableKeys()) {
            carry(startup, key);
        }
        for (String key : catalog.restartKeys()) {
            carry(startup, key);
        }
    }

    private void carry(RuntimeSettings startup, String key) {
        String value = startup.value(key);
        if (value != null) {
            base.put(key, value);
        }
    }

    private RuntimeSettings build(Map<String, String> properties, List<String> errors) {
        try {
            return RuntimeSettings.of(properties, catalog.mappings());
        } catch (ConfigValidationException e) {
            for (int i = 0; i < e.getProblemCount(); i++) {
                errors.add(e.getProblem(i).getMessage());
            }
        } catch (RuntimeException e) { // a converter's own exception, e.g. NumberFormatException
            errors.add(String.valueOf(e.getMessage()));
        }
        return null;
    }

    /**
     * The base with only those of the file's reloadable values that convert on their own; each that
     * does not is an error in words ({@code `key`: `fast` is not a duration (e.g. 500ms, 2s)}), never
     * the converter's Java text.
     */
    private Map<String, String> wellTyped(Map<String, String> properties, Map<String, String> file, List<String> errors) {
        Map<String, String> good = new HashMap<>(base);
        for (String key : file.keySet()) {
            if (catalog.isReloadable(key)) {
                Map<String, String> one = new HashMap<>(base);
                one.put(key, properties.get(key));
                if (build(one, new ArrayList<>()) != null) {
                    good.put(key, properties.get(key));
                } else {
                    errors.add(ValueWords.notConvertible(key, properties.get(key), base.get(key)));
                }
            }
        }
        return good;
    }

    public Result validate(Map<String, String> file) {
        List<String> errors = new ArrayList<>();
        Map<String, String> properties = new HashMap<>(base);
        for (Map.Entry<String, String> entry : file.entrySet()) {
            String key = entry.getKey();
            if (catalog.isReloadable(key)) {
                properties.put(key, entry.getValue());
            } else if (catalog.needsRestart(key)) {
                errors.add(key + " needs a restart; it cannot be changed by a reload");
            } else {
                errors.add(key + " is not a known setting");
            }
        }
        List<String> conversion = new ArrayList<>();
        RuntimeSettings candidate = build(properties, conversion);
        if (candidate == null) {
            // every value that does not convert, in words; the rules still run on the values that are
            // well typed, so that every error shows at once
            List<String> inWords = new ArrayList<>();
            candidate = build(wellTyped(properties, file, inWords), new ArrayList<>());
            errors.addAll(inWords.isEmpty() ? conversion : inWords);
        }
        if (candidate != null) {
            errors.addAll(catalog.check(candidate));
        }
        return errors.isEmpty() ? new Result(candidate, List.of()) : new Result(null, List.copyOf(errors));
    }
}
