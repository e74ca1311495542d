package io.opsbridge.backend.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.opsbridge.core.settings.reload.ReloadEvent;
import io.opsbridge.core.settings.SettingsChange;
import io.opsbridge.core.settings.reload.SettingsHistory;
import io.opsbridge.core.store.Jdbc;
import io.opsbridge.core.store.JdbcColumns;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The {@code settings_reload_event} table (migration {@code V11__settings_history.sql}): the reload history across restarts. */
@Singleton
public class JdbcSettingsHistoryStore implements SettingsHistory.Store {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<SettingsChange>> CHANGES = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final Jdbc tx;

    public JdbcSettingsHistoryStore(DataSource dataSource) {
        this.tx = new Jdbc(dataSource);
    }

    @Override
    public void save(ReloadEvent e) {
        tx.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO settings_reload_event (at, trigger_name,"
                    + " outcome, from_version, to_version, sha256, duration_micros, diff, errors, observer_failures)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                JdbcColumns.setInstant(insert, 1, e.at());
                insert.setString(2, e.trigger());
                insert.setString(3, e.outcome().wire());
                insert.setLong(4, e.fromVersion());
                insert.setLong(5, e.toVersion());
                insert.setString(6, e.sha256());
                insert.setLong(7, e.durationMicros());
                insert.setString(8, write(e.diff()));
                insert.setString(9, write(e.errors()));
                insert.setString(10, write(e.observerFailures()));
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<ReloadEvent> latest(int limit) {
        return tx.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM settings_reload_event"
                    + " ORDER BY id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY");
                    ResultSet rows = select.executeQuery()) {
                List<ReloadEvent> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(new ReloadEvent(JdbcColumns.getInstant(rows, "at"), rows.getString("trigger_name"),
                            ReloadEvent.Outcome.of(rows.getString("outcome")), false, rows.getLong("from_version"),
                            rows.getLong("to_version"), rows.getString("sha256"), rows.getLong("duration_micros"),
                            read(rows.getString("diff"), CHANGES), read(rows.getString("errors"), STRINGS),
                            read(rows.getString("observer_failures"), STRINGS)));
                }
                return events;
            }
        });
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reload event is plain strings", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settings_reload_event holds JSON arrays", e);
        }
    }
}
