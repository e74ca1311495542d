package io.opsbridge.backend.reload.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysDoubleWithJitterUpToTheCapAndForever() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
        assertThat(backoff.nextMillis()).isBetween(250L, 500L);
        assertThat(backoff.nextMillis()).isBetween(500L, 1000L);
        assertThat(backoff.nextMillis()).isBetween(1000L, 2000L);
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.nextMillis()).isBetween(1000L, 30_000L);
        }
        assertThat(backoff.nextMillis()).as("capped, never overflowing").isBetween(15_000L, 30_000L);
        assertThat(backoff.failures()).isEqualTo(104);
    }

    @Test
    void aSuccessStartsOverFromTheFirstDelay() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
        for (int i = 0; i < 10; i++) {
            backoff.nextMillis();
        }
        backoff.reset();
        assertThat(backoff.nextMillis()).isBetween(250L, 500L);
    }
}
