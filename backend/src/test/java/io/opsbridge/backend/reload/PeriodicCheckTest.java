package io.opsbridge.backend.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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

    @Test
    void aShorterIntervalTakesEffectAtOnceWhenRearmed() {
        AtomicReference<Duration> interval = new AtomicReference<>(Duration.ofHours(1));
        try (PeriodicCheck check = new PeriodicCheck("test", interval::get, () -> { })) {
            check.start();
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> check.runs() == 0);

            interval.set(Duration.ofMillis(20));
            check.rearm();

            await().atMost(Duration.ofSeconds(5)).until(() -> check.runs() >= 3);
        }
    }

    @Test
    void eachNextRunIsPlannedWithTheIntervalInForceThen() {
        AtomicReference<Duration> interval = new AtomicReference<>(Duration.ofMillis(20));
        try (PeriodicCheck check = new PeriodicCheck("test", interval::get, () -> interval.set(Duration.ofHours(1)))) {
            check.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> check.runs() == 1);

            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> check.runs() == 1);
        }
    }
}
