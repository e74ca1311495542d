package io.opsbridge.core;

import com.github.benmanes.caffeine.cache.Ticker;
import io.opsbridge.core.service.OperationsCore;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.OperationStore;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Operations cores for unit tests: a TTL, ticker and clock the test controls, and limits it names. */
final class TestCores {

    private TestCores() {
    }

    /** Settings with this TTL, every progress stored at once, and no stall or fail limit. */
    static Map<String, String> quiet(Duration ttl) {
        Map<String, String> properties = new HashMap<>();
        properties.put("opsbridge.operations.cache-ttl", ttl.toString());
        properties.put("opsbridge.store.progress-persist-interval", "PT0S");
        for (String type : new String[] {"training", "data-loading"}) {
            properties.put("opsbridge.stall." + type + ".stall-after", "PT0S");
            properties.put("opsbridge.stall." + type + ".fail-after", "PT0S");
        }
        return properties;
    }

    /** {@link #quiet} plus the training type's stall-after and fail-after. */
    static Map<String, String> trainingStalls(Duration ttl, Duration stallAfter, Duration failAfter) {
        Map<String, String> properties = quiet(ttl);
        properties.put("opsbridge.stall.training.stall-after", stallAfter.toString());
        properties.put("opsbridge.stall.training.fail-after", failAfter.toString());
        return properties;
    }

    static Settings settings(Map<String, String> properties) {
        return new Settings(RuntimeSettings.of(properties));
    }

    static OperationsCore.Builder core(OperationStore store, Map<String, String> properties, Ticker ticker, Clock clock) {
        return OperationsCore.builder(store).settings(settings(properties)).ticker(ticker).clock(clock);
    }
}
