package io.opsbridge.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdTest {

    @Test
    void aNewRequestIdIsARandomVersion4Uuid() {
        UUID id = UUID.fromString(AuditFilter.newRequestId());

        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(AuditFilter.newRequestId()).isNotEqualTo(AuditFilter.newRequestId());
    }

    @Test
    void aPlainClientIdIsKeptAndAnythingElseReplaced() {
        assertThat(AuditFilter.requestId("req-42.a_b")).isEqualTo("req-42.a_b");
        assertThat(AuditFilter.requestId("has space")).isNotEqualTo("has space").hasSize(36);
        assertThat(AuditFilter.requestId("x".repeat(65))).hasSize(36);
        assertThat(AuditFilter.requestId(null)).hasSize(36);
    }
}
