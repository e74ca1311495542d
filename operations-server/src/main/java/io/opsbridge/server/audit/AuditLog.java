package io.opsbridge.server.audit;

import java.util.List;

/** Where the audit trail is kept: a table in the backend, memory in a process without a database. */
public interface AuditLog {

    void append(AuditEntry entry);

    /** Matching entries, newest first, at most {@code query.limit()}. */
    List<AuditEntry> find(AuditQuery query);
}
