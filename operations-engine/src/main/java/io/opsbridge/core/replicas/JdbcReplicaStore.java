package io.opsbridge.core.replicas;

import io.opsbridge.core.store.Jdbc;
import io.opsbridge.core.store.JdbcColumns;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code replicas} table (one row per node id, kept across restarts) and the owners recorded on
 * operations ({@code operations.owner_node}): where a running local operation's owner answers, and
 * how many unfinished operations each replica owns.
 */
public class JdbcReplicaStore {

    private static final String COLUMNS = "node_id, instance_id, advertised_url, started_at, heartbeat_at, state, serves_json";

    private final Jdbc jdbc;

    public JdbcReplicaStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public Optional<Replica> find(String nodeId) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM replicas WHERE node_id = ?")) {
                select.setString(1, nodeId);
                List<Replica> found = read(select);
                return found.stream().findFirst();
            }
        });
    }

    /** Every replica ever recorded here, by node id. */
    public List<Replica> all() {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM replicas ORDER BY node_id")) {
                return read(select);
            }
        });
    }

    /** Records this start of {@code me} (a new instance, running, stamped now), replacing its node's row. */
    public void register(ReplicaIdentity me, Instant now) {
        jdbc.retryingOnConflict(3, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE replicas SET instance_id = ?, advertised_url = ?,"
                    + " started_at = ?, heartbeat_at = ?, state = ? WHERE node_id = ?")) {
                update.setString(1, me.instanceId());
                update.setString(2, me.advertisedUrl());
                JdbcColumns.setInstant(update, 3, now);
                JdbcColumns.setInstant(update, 4, now);
                update.setString(5, Replica.RUNNING);
                update.setString(6, me.nodeId());
                if (update.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO replicas (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, NULL)")) {
                insert.setString(1, me.nodeId());
                insert.setString(2, me.instanceId());
                insert.setString(3, me.advertisedUrl());
                JdbcColumns.setInstant(insert, 4, now);
                JdbcColumns.setInstant(insert, 5, now);
                insert.setString(6, Replica.RUNNING);
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Renews the stamp of this start (and what it serves, unless null); false if the row now names
     * another instance (a second process took the node id over).
     */
    public boolean heartbeat(ReplicaIdentity me, Instant now, String servesJson) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE replicas SET heartbeat_at = ?,"
                    + " serves_json = COALESCE(?, serves_json) WHERE node_id = ? AND instance_id = ?")) {
                JdbcColumns.setInstant(update, 1, now);
                JdbcColumns.setText(update, 2, servesJson);
                update.setString(3, me.nodeId());
                update.setString(4, me.instanceId());
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Marks this start stopping (SIGTERM): the others stop waiting for its operations. */
    public void markStopping(ReplicaIdentity me, Instant now) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE replicas SET state = ?, heartbeat_at = ?"
                    + " WHERE node_id = ? AND instance_id = ?")) {
                update.setString(1, Replica.STOPPING);
                JdbcColumns.setInstant(update, 2, now);
                update.setString(3, me.nodeId());
                update.setString(4, me.instanceId());
                return update.executeUpdate();
            }
        });
    }

    /** The node recorded as the owner of an operation (the replica that created it), if the operation exists. */
    public Optional<String> ownerOf(String operationId) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT owner_node FROM operations WHERE operation_id = ?")) {
                select.setString(1, operationId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** How many pending or running local operations each node owns (nodes owning none are absent). */
    public Map<String, Long> unfinishedOwned() {
        return jdbc.inTransaction(c -> {
            Map<String, Long> owned = new LinkedHashMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT owner_node, COUNT(*) FROM operations"
                    + " WHERE status IN ('pending', 'running') AND mode = 'local' GROUP BY owner_node");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    owned.put(rows.getString(1), rows.getLong(2));
                }
            }
            return owned;
        });
    }

    private static List<Replica> read(PreparedStatement select) throws SQLException {
        List<Replica> found = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(new Replica(rows.getString("node_id"), rows.getString("instance_id"),
                        rows.getString("advertised_url"), JdbcColumns.getInstant(rows, "started_at"),
                        JdbcColumns.getInstant(rows, "heartbeat_at"), rows.getString("state"),
                        rows.getString("serves_json")));
            }
        }
        return found;
    }
}
