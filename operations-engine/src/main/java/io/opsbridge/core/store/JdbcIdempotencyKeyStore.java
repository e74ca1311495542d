package io.opsbridge.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * {@link IdempotencyKeyStore} in the {@code idempotency_keys} table (V22), on the same database as
 * {@link JdbcOperationStore}: claims survive a restart and are shared by the replicas. The key is
 * the primary key, so a claim is one INSERT and the database picks the winner of a race.
 */
public class JdbcIdempotencyKeyStore implements IdempotencyKeyStore {

    /** The INSERT lost to a concurrent claimant: a duplicate key, or (H2) a lock wait that timed out. */
    private static final Set<String> LOST_RACE = Set.of("23505", "HYT00", "40001", "40P01");
    private static final int ATTEMPTS = 5;

    private final Jdbc jdbc;

    public JdbcIdempotencyKeyStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<IdempotencyClaim> claim(IdempotencyClaim claim) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (tryInsert(claim)) {
                return Optional.empty();
            }
            Optional<IdempotencyClaim> holder = jdbc.inTransaction(c -> select(c.prepareStatement(
                    "SELECT idem_key, request_digest, operation_id, claimed_at, expires_at FROM idempotency_keys"
                            + " WHERE idem_key = ?"), claim.key()));
            // a holder that lapsed meanwhile (or was released) is taken over on the next attempt
            if (holder.isPresent() && !holder.get().lapsed(claim.claimedAt(), START_TIMEOUT)) {
                return holder;
            }
        }
        throw new IllegalStateException("could not claim Idempotency-Key after " + ATTEMPTS + " attempts");
    }

    /** Removes a lapsed claim of the key and inserts this one, in one transaction; false if another claim holds it. */
    private boolean tryInsert(IdempotencyClaim claim) {
        try {
            jdbc.inTransaction(c -> {
                try (PreparedStatement lapsed = c.prepareStatement("DELETE FROM idempotency_keys WHERE idem_key = ?"
                        + " AND (expires_at <= ? OR (operation_id IS NULL AND claimed_at <= ?))")) {
                    lapsed.setString(1, claim.key());
                    JdbcColumns.setInstant(lapsed, 2, claim.claimedAt());
                    JdbcColumns.setInstant(lapsed, 3, claim.claimedAt().minus(START_TIMEOUT));
                    lapsed.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO idempotency_keys"
                        + " (idem_key, request_digest, operation_id, claimed_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setString(1, claim.key());
                    insert.setString(2, claim.requestDigest());
                    JdbcColumns.setText(insert, 3, claim.operationId());
                    JdbcColumns.setInstant(insert, 4, claim.claimedAt());
                    JdbcColumns.setInstant(insert, 5, claim.expiresAt());
                    insert.executeUpdate();
                }
                return null;
            });
            return true;
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && LOST_RACE.contains(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private static Optional<IdempotencyClaim> select(PreparedStatement select, String key) throws SQLException {
        try (select) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new IdempotencyClaim(row.getString("idem_key"),
                        row.getString("request_digest"), row.getString("operation_id"),
                        JdbcColumns.getInstant(row, "claimed_at"), JdbcColumns.getInstant(row, "expires_at")))
                        : Optional.empty();
            }
        }
    }

    @Override
    public void recordOperation(String key, String operationId) {
        update("UPDATE idempotency_keys SET operation_id = ? WHERE idem_key = ? AND operation_id IS NULL",
                operationId, key);
    }

    @Override
    public void release(String key) {
        update("DELETE FROM idempotency_keys WHERE idem_key = ? AND operation_id IS NULL", key);
    }

    @Override
    public int deleteExpired(Instant now) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM idempotency_keys WHERE expires_at <= ?")) {
                JdbcColumns.setInstant(delete, 1, now);
                return delete.executeUpdate();
            }
        });
    }

    private void update(String sql, String... parameters) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            }
        });
    }
}
