package io.opsbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.core.replicas.JdbcReplicaStore;
import io.opsbridge.core.replicas.NodeIdGuard;
import io.opsbridge.core.replicas.Replica;
import io.opsbridge.core.replicas.ReplicaApi;
import io.opsbridge.core.replicas.ReplicaIdentity;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Node ids are unique among live replicas (the replicas table on H2, "who answers at a URL" given
 * by the test): a second process with a live replica's node id is refused, a restart is not.
 */
class NodeIdGuardTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final JdbcReplicaStore store = new JdbcReplicaStore(TestDatabases.h2());
    private final ReplicaIdentity first = new ReplicaIdentity("replica-a", UUID.randomUUID().toString(), "http://a:8090");
    private final ReplicaIdentity second = new ReplicaIdentity("replica-a", UUID.randomUUID().toString(), "http://a:8091");

    @Test
    void aSecondProcessWithTheNodeIdOfALiveReplicaIsRefusedNamingItAndTheSetting() {
        store.register(first, T0);

        assertThatThrownBy(() -> NodeIdGuard.check(second, store, url -> answer(url, first)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("node id 'replica-a' is in use")
                .hasMessageContaining("http://a:8090")
                .hasMessageContaining("opsbridge.store.node-id");
    }

    @Test
    void aRestartAfterKillTakesItsNodeIdAtOnceAndRecordsTheNewStart() {
        store.register(first, T0);

        assertThatCode(() -> NodeIdGuard.check(second, store, url -> Optional.empty())).doesNotThrowAnyException();
        store.register(second, T0.plusSeconds(1));

        Replica now = store.find("replica-a").orElseThrow();
        assertThat(now.instanceId()).isEqualTo(second.instanceId());
        assertThat(now.advertisedUrl()).isEqualTo("http://a:8091");
        assertThat(store.heartbeat(first, T0.plusSeconds(2), null)).as("the old start no longer renews it").isFalse();
        assertThat(store.heartbeat(second, T0.plusSeconds(2), "{}")).isTrue();
    }

    @Test
    void aNewStartThatAlreadyAnswersAtTheRecordedUrlIsNoConflict() {
        store.register(first, T0);
        ReplicaIdentity samePort = new ReplicaIdentity("replica-a", UUID.randomUUID().toString(), "http://a:8090");

        assertThatCode(() -> NodeIdGuard.check(samePort, store, url -> answer(url, samePort))).doesNotThrowAnyException();
    }

    @Test
    void aStoppingReplicaIsMarkedSo() {
        store.register(first, T0);
        store.markStopping(first, T0.plusSeconds(3));

        assertThat(store.find("replica-a").orElseThrow().stopping()).isTrue();
    }

    private static Optional<ReplicaApi.Answer> answer(String url, ReplicaIdentity who) {
        return url.equals(who.advertisedUrl())
                ? Optional.of(new ReplicaApi.Answer(who.nodeId(), who.instanceId(), who.advertisedUrl(), Replica.RUNNING))
                : Optional.empty();
    }
}
