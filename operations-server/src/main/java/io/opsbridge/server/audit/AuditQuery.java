package io.opsbridge.server.audit;

import java.time.Instant;

/** {@code GET /api/v1/admin/audit?since=&actor=&action=&limit=}: null filters match everything; newest first. */
public record AuditQuery(Instant since, String actor, String action, int limit) {
}
