package io.opsbridge.server.security;

import io.opsbridge.core.store.Jdbc;
import io.opsbridge.core.store.JdbcColumns;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code api_tokens} table (migration V20) on H2 or PostgreSQL: ids, roles and secret hashes. */
public class JdbcApiTokenStore implements ApiTokenStore {

    private static final String COLUMNS = "token_id, name, role, created_at, revoked_at, secret_hash";

    private final Jdbc jdbc;

    public JdbcApiTokenStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void insert(ApiToken token, String secretHash) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO api_tokens (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, NULL, ?)")) {
                insert.setString(1, token.id());
                insert.setString(2, token.name());
                insert.setString(3, token.role());
                JdbcColumns.setInstant(insert, 4, token.createdAt());
                insert.setString(5, secretHash);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Stored> findActive(String id) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM api_tokens WHERE token_id = ? AND revoked_at IS NULL")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new Stored(read(row), row.getString("secret_hash"))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<ApiToken> list() {
        return jdbc.inTransaction(c -> {
            List<ApiToken> tokens = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM api_tokens ORDER BY created_at, token_id");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tokens.add(read(rows));
                }
            }
            return tokens;
        });
    }

    @Override
    public boolean revoke(String id, Instant at) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE api_tokens SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL")) {
                JdbcColumns.setInstant(update, 1, at);
                update.setString(2, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean hasActiveAdmin() {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT COUNT(*) FROM api_tokens WHERE role = 'admin' AND revoked_at IS NULL");
                    ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1) > 0;
            }
        });
    }

    @Override
    public boolean isDurable() {
        return true;
    }

    private static ApiToken read(ResultSet row) throws SQLException {
        return new ApiToken(row.getString("token_id"), row.getString("name"), row.getString("role"),
                JdbcColumns.getInstant(row, "created_at"), JdbcColumns.getInstant(row, "revoked_at"));
    }
}
