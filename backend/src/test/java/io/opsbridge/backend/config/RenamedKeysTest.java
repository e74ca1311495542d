package io.opsbridge.backend.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.backend.training.TrainingRoutingConfig;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The old training routing keys still route, with a deprecation warning that names the new key. */
class RenamedKeysTest {

    private final List<LogRecord> warnings = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger(RenamedKeys.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger(RenamedKeys.class.getName()).removeHandler(capture);
    }

    @Test
    void theOldHostsKeyStillRoutesAndWarnsOnceNamingTheNewKey() {
        TrainingRoutingConfig routing = routing(file(Map.of("opsbridge.training.hosts", "http://gpu-1:8081,http://gpu-2:8081")));

        assertThat(routing.hosts()).contains(List.of("http://gpu-1:8081", "http://gpu-2:8081"));
        assertThat(routing.hosts()).contains(List.of("http://gpu-1:8081", "http://gpu-2:8081"));
        assertThat(warnings).hasSize(1);
        assertThat(formatted(warnings.get(0))).contains("opsbridge.training.hosts", "deprecated",
                "opsbridge.training.routing.hosts");
    }

    @Test
    void theOldEnvironmentVariableStillRoutes() {
        TrainingRoutingConfig routing = routing(new EnvConfigSource(Map.of("OPSBRIDGE_TRAINING_HOSTS", "http://gpu-1:8081"), 300));

        assertThat(routing.hosts()).contains(List.of("http://gpu-1:8081"));
        assertThat(warnings).hasSize(1);
    }

    @Test
    void theOldDefaultModeKeyStillWorksOverTheBuiltInDefault() {
        assertThat(routing(file(Map.of("opsbridge.training.default-mode", "host"))).defaultMode()).isEqualTo("host");
        assertThat(routing(file(Map.of())).defaultMode()).isEqualTo("local");
    }

    @Test
    void theNewKeyWinsOverTheOldOneInTheSameSourceWithoutAWarning() {
        TrainingRoutingConfig routing = routing(file(Map.of("opsbridge.training.routing.hosts", "http://new:8081",
                "opsbridge.training.hosts", "http://old:8081")));

        assertThat(routing.hosts()).contains(List.of("http://new:8081"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void anOldKeyFromAStrongerSourceWinsAsAnyKeyWould() {
        TrainingRoutingConfig routing = routing(file(Map.of("opsbridge.training.routing.hosts", "http://file:8081")),
                new EnvConfigSource(Map.of("OPSBRIDGE_TRAINING_HOSTS", "http://env:8081"), 300));

        assertThat(routing.hosts()).contains(List.of("http://env:8081"));
    }

    private static ConfigSource file(Map<String, String> properties) {
        return new PropertiesConfigSource(properties, "application.properties", 250);
    }

    private static TrainingRoutingConfig routing(ConfigSource... sources) {
        return new SmallRyeConfigBuilder().withInterceptors(new RenamedKeys()).withSources(sources)
                .withMapping(TrainingRoutingConfig.class).build().getConfigMapping(TrainingRoutingConfig.class);
    }

    private static String formatted(LogRecord record) {
        Object[] parameters = record.getParameters();
        String message = record.getMessage();
        return parameters == null ? message : String.format(message.replaceAll("\\{\\d}", "%s"), parameters);
    }
}
