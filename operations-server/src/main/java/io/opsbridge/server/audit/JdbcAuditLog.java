package io.opsbridge.server.audit;

import io.opsbridge.core.store.Jdbc;
import io.opsbridge.core.store.JdbcColumns;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The {@code audit_log} table (migration V21) on H2 or PostgreSQL. */
public class JdbcAuditLog implements AuditLog {

    private static final String COLUMNS =
            "at, actor, role, action, target, params_digest, outcome, status, remote_address, request_id";

    private final Jdbc jdbc;

    public JdbcAuditLog(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void append(AuditEntry e) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                JdbcColumns.setInstant(insert, 1, e.at());
                insert.setString(2, e.actor());
                JdbcColumns.setText(insert, 3, e.role());
                insert.setString(4, e.action());
                insert.setString(5, e.target());
                JdbcColumns.setText(insert, 6, e.paramsDigest());
                insert.setString(7, e.outcome());
                insert.setInt(8, e.status());
                JdbcColumns.setText(insert, 9, e.remoteAddress());
                JdbcColumns.setText(insert, 10, e.requestId());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.since() != null) {
            sql.append(" AND at >= ?");
            args.add(query.since());
        }
        if (query.actor() != null) {
            sql.append(" AND actor = ?");
            args.add(query.actor());
        }
        if (query.action() != null) {
            sql.append(" AND action LIKE ?");
            args.add("%" + query.action().replace("%", "").replace("_", "\\_") + "%");
        }
        sql.append(" ORDER BY entry_id DESC LIMIT ").append(query.limit());
        return jdbc.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    if (args.get(i) instanceof java.time.Instant at) {
                        JdbcColumns.setInstant(select, i + 1, at);
                    } else {
                        select.setString(i + 1, (String) args.get(i));
                    }
                }
                List<AuditEntry> found = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.add(new AuditEntry(JdbcColumns.getInstant(row, "at"), row.getString("actor"),
                                row.getString("role"), row.getString("action"), row.getString("target"),
                                row.getString("params_digest"), row.getString("outcome"), row.getInt("status"),
                                row.getString("remote_address"), row.getString("request_id")));
                    }
                }
                return found;
            }
        });
    }
}
