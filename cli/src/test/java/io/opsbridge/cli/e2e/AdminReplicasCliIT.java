package io.opsbridge.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code opsbridge admin replicas} against a really running backend without Redis: just itself, broadcast off. */
@ExtendWith(RunningBackend.Extension.class)
class AdminReplicasCliIT {

    @Test
    void aBackendWithoutRedisListsItselfAndSaysTheBroadcastIsOff(RunningBackend backend) throws Exception {
        Cli.Result replicas = Cli.run("--url", backend.url(), "admin", "replicas");
        assertThat(replicas.exitCode()).as(replicas.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(replicas.stdoutLines().get(0)).startsWith("NODE").contains("MODELS", "SUBSCRIBER", "STATUS");
        assertThat(replicas.stdoutLines()).hasSize(3);
        assertThat(replicas.stdoutLines().get(1)).contains(" off ").endsWith("ok");
        assertThat(replicas.stdout()).contains("broadcast off (no quarkus.redis.hosts").contains("1 of 1 live, 0 lagging");
    }
}
