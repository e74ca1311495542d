package io.opsbridge.backend.config;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Keeps renamed configuration keys working: a lookup of a new key also finds a value set under its
 * old name (system property, environment variable such as {@code OPSBRIDGE_TRAINING_HOSTS},
 * properties file), and logs a deprecation WARN naming the new key, once per key. Where both are
 * set, the higher-ordinal source wins as for any key, and the new name on a tie. Registered in
 * {@code META-INF/services/io.smallrye.config.ConfigSourceInterceptor}, so Quarkus applies it in
 * the packaged app and in tests, like SmallRye's own {@code RelocateConfigSourceInterceptor}.
 */
@Priority(Priorities.LIBRARY + 300)
public class RenamedKeys implements ConfigSourceInterceptor {

    private static final Logger LOG = Logger.getLogger(RenamedKeys.class);

    /** New key -> the old key it replaces. */
    static final Map<String, String> RENAMED = Map.of(
            "opsbridge.training.routing.hosts", "opsbridge.training.hosts",
            "opsbridge.training.routing.default-mode", "opsbridge.training.default-mode");

    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        String old = oldName(name);
        ConfigValue current = context.proceed(name);
        if (old == null) {
            return current;
        }
        ConfigValue deprecated = context.proceed(old);
        if (deprecated == null || current != null
                && current.getConfigSourceOrdinal() >= deprecated.getConfigSourceOrdinal()) {
            return current;
        }
        if (warned.add(old)) {
            LOG.warnf("configuration key %s (%s) is deprecated: set %s instead", old,
                    deprecated.getConfigSourceName(), name);
        }
        return deprecated.withName(name);
    }

    /**
     * The names with each old one given as its new name: the old key maps to no {@code @ConfigMapping}
     * (its namespace {@code opsbridge.training} is {@code TrainingConfig}'s), and an unmapped name
     * there fails the application's start.
     */
    @Override
    public Iterator<String> iterateNames(ConfigSourceInterceptorContext context) {
        Set<String> names = new LinkedHashSet<>();
        context.iterateNames().forEachRemaining(name -> {
            String renamed = newName(name);
            names.add(renamed == null ? name : renamed);
        });
        return names.iterator();
    }

    /** The old name of {@code name} (or of its list element, {@code ...hosts[0]}), or null if it was not renamed. */
    static String oldName(String name) {
        return rename(name, true);
    }

    static String newName(String name) {
        return rename(name, false);
    }

    private static String rename(String name, boolean toOld) {
        for (Map.Entry<String, String> key : RENAMED.entrySet()) {
            String from = toOld ? key.getKey() : key.getValue();
            String to = toOld ? key.getValue() : key.getKey();
            if (name.equals(from) || name.startsWith(from + "[")) {
                return to + name.substring(from.length());
            }
        }
        return null;
    }
}
