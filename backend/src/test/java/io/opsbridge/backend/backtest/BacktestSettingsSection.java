package io.opsbridge.backend.backtest;

import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.reload.CoreSettingsSection;
import io.opsbridge.core.settings.reload.SettingsSection;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The backtest's part of the runtime settings: its routing, which the router reads at each start. */
@Singleton
public class BacktestSettingsSection implements SettingsSection {

    @Override
    public List<Class<?>> mappings() {
        return List.of(BacktestRoutingConfig.class);
    }

    @Override
    public Set<String> reloadableKeys() {
        return Set.of("opsbridge.backtest.routing.hosts", "opsbridge.backtest.routing.default-mode");
    }

    @Override
    public Set<String> restartKeys() {
        return Set.of();
    }

    @Override
    public List<String> check(RuntimeSettings candidate) {
        List<String> errors = new ArrayList<>();
        CoreSettingsSection.httpUrls(errors, "opsbridge.backtest.routing.hosts",
                candidate.section(BacktestRoutingConfig.class).hosts().orElse(List.of()));
        return errors;
    }
}
