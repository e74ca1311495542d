package io.opsbridge.backend.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicCheckTest {

    @Test
    void aFailingRunDoesNotStopTheNextOnes() {
        AtomicInteger calls = new AtomicInteger();
        try (PeriodicCheck check = new PeriodicCheck("test", Duration.ofMillis(20), () -> {
            if (calls.incrementAndGet() <= 2) {
                throw new IllegalStateException("database down");
            }
        })) {
            check.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> check.runs() >= 5);
            assertThat(check.failures()).isEqualTo(2);
        }
    }

    @Test
    void anErrorDoesNotStopItEither() {
        AtomicInteger calls = new AtomicInteger();
        try (PeriodicCheck check = new PeriodicCheck("test", Duration.ofMillis(20), () -> {
            if (calls.incrementAndGet() == 1) {
                throw new AssertionError("boom");
            }
        })) {
            check.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> check.runs() >= 3);
            assertThat(check.failures()).isEqualTo(1);
        }
    }
}
