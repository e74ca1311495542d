package io.opsbridge.backend.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.core.settings.reload.ReloadEvent;
import io.opsbridge.core.settings.reload.ReloadEvent.Outcome;
import io.opsbridge.core.settings.SettingsChange;
import io.opsbridge.core.settings.reload.SettingsHistory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The reload history table, run against every database the migrations support. */
abstract class SettingsHistoryStoreContract {

    protected abstract DataSource dataSource();

    @Test
    void historyOfAnEarlierRunIsThereAfterARestart() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ReloadEvent applied = new ReloadEvent(at, "signal", Outcome.APPLIED, false, 1, 2, "ab".repeat(32), 812,
                List.of(new SettingsChange("opsbridge.operations.cache-ttl", "1s", "250ms")), List.of(), List.of());
        ReloadEvent rejected = new ReloadEvent(at.plusSeconds(1), "watch", Outcome.REJECTED, false, 2, 2, null, 95,
                List.of(), List.of("settings file x is empty"), List.of());
        SettingsHistory firstRun = new SettingsHistory(new JdbcSettingsHistoryStore(dataSource()));
        firstRun.add(applied);
        firstRun.add(rejected);

        SettingsHistory afterRestart = new SettingsHistory(new JdbcSettingsHistoryStore(dataSource()));

        assertThat(afterRestart.latest(2)).containsExactly(rejected, applied);
        assertThat(afterRestart.lastRejected()).contains(rejected);
        assertThat(afterRestart.stats().totals()).containsEntry("applied", 1L).containsEntry("rejected", 1L);
    }
}
