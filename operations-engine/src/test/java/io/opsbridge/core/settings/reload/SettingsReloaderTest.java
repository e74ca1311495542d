package io.opsbridge.core.settings.reload;

import io.opsbridge.core.settings.SettingsChange;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.settings.reload.ReloadEvent.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsReloaderTest {

    @TempDir
    Path dir;

    private final Settings settings = new Settings(RuntimeSettings.of(Map.of("opsbridge.operations.cache-ttl", "2s")));
    private final SettingsHistory history = new SettingsHistory();
    private final List<ReloadEvent> recorded = new CopyOnWriteArrayList<>();
    private SettingsReloader reloader;

    private SettingsReloader reloader() {
        if (reloader == null) {
            reloader = new SettingsReloader(settings, SettingsCatalog.core(), new SettingsFile(dir.resolve("rt.properties")),
                    history, List.of(recorded::add));
        }
        return reloader;
    }

    @AfterEach
    void close() {
        if (reloader != null) {
            reloader.close();
        }
    }

    @Test
    void validFileIsAppliedWithItsDiffVersionAndHash() throws IOException {
        write("opsbridge.operations.cache-ttl=500ms\nopsbridge.operations.worker-threads=4\n");

        ReloadEvent event = reloader().reload("admin", false);

        assertThat(event.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(event.fromVersion()).isEqualTo(1);
        assertThat(event.toVersion()).isEqualTo(2);
        assertThat(event.diff()).containsExactly(
                new SettingsChange("opsbridge.operations.cache-ttl", "2s", "500ms"),
                new SettingsChange("opsbridge.operations.worker-threads", "2", "4"));
        assertThat(settings.current().operations().cacheTtl()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.current().origin().sha256()).isEqualTo(event.sha256()).hasSize(64);
        assertThat(settings.current().origin().trigger()).isEqualTo("admin");
        assertThat(history.latest(10)).containsExactly(event);
    }

    @Test
    void invalidValueAndUnknownKeyAreReportedTogetherAndTheOldSettingsStay() throws IOException {
        write("opsbridge.operations.cache-ttl=soon\nopsbridge.operations.worker-thread=4\n"
                + "opsbridge.proxy.read-timeout=0s\n");

        ReloadEvent event = reloader().reload("admin", false);

        assertThat(event.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(event.errors()).hasSize(3)
                .anySatisfy(e -> assertThat(e).contains("opsbridge.operations.worker-thread").contains("not a known"))
                .anySatisfy(e -> assertThat(e).isEqualTo(
                        "`opsbridge.operations.cache-ttl`: `soon` is not a duration (e.g. 500ms, 2s, 5m, 1h)"))
                .anySatisfy(e -> assertThat(e).contains("read-timeout must be positive"))
                .allSatisfy(e -> assertThat(e).doesNotContain("SRCFG", "java.", "Exception"));
        assertThat(settings.current().version()).isEqualTo(1);
        assertThat(settings.current().operations().cacheTtl()).isEqualTo(Duration.ofSeconds(2));
        assertThat(history.lastRejected()).contains(event);
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() throws IOException {
        write("""
                opsbridge.operations.cache-ttl=5ms
                opsbridge.operations.worker-threads=0
                opsbridge.stall.training.stall-after=2h
                opsbridge.stall.training.fail-after=1h
                opsbridge.proxy.connect-timeout=0s
                opsbridge.proxy.read-timeout=0s
                """);

        ReloadEvent event = reloader().reload("admin", false);

        assertThat(event.errors()).hasSize(5)
                .anySatisfy(e -> assertThat(e).contains("cache-ttl must be between 10ms and 1h"))
                .anySatisfy(e -> assertThat(e).contains("worker-threads must be at least 1"))
                .anySatisfy(e -> assertThat(e).contains("stall-after (PT2H) must be less than fail-after (PT1H)"))
                .anySatisfy(e -> assertThat(e).contains("connect-timeout must be positive"))
                .anySatisfy(e -> assertThat(e).contains("read-timeout must be positive"));
    }

    @Test
    void ttlAboveOneHourIsRejected() throws IOException {
        write("opsbridge.operations.cache-ttl=2h\n");
        assertThat(reloader().reload("admin", false).errors()).singleElement().asString().contains("cache-ttl");
    }

    @Test
    void aKeyThatNeedsARestartIsRejectedAndNothingElseApplied() throws IOException {
        write("opsbridge.operations.cache-ttl=500ms\nquarkus.http.port=9999\nopsbridge.store.kind=postgresql\n");

        ReloadEvent event = reloader().reload("admin", false);

        assertThat(event.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(event.errors()).containsExactlyInAnyOrder(
                "quarkus.http.port needs a restart; it cannot be changed by a reload",
                "opsbridge.store.kind needs a restart; it cannot be changed by a reload");
        assertThat(settings.current().operations().cacheTtl()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void missingFileIsAFailureThatKeepsTheCurrentSettings() {
        ReloadEvent event = reloader().reload("signal", false);

        assertThat(event.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(event.errors()).singleElement().asString().contains("is missing");
        assertThat(settings.current().version()).isEqualTo(1);
    }

    @Test
    void emptyFileIsAFailureNeverSuccessWithDefaults() throws IOException {
        write("opsbridge.operations.cache-ttl=500ms\n");
        reloader().reload("admin", false);
        write("# nothing here\n");

        ReloadEvent event = reloader().reload("admin", false);

        assertThat(event.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(event.errors()).singleElement().asString().contains("is empty");
        assertThat(settings.current().operations().cacheTtl()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void identicalFileIsUnchangedAndKeepsTheVersion() throws IOException {
        write("opsbridge.operations.cache-ttl=500ms\n");
        reloader().reload("admin", false);

        ReloadEvent again = reloader().reload("admin", false);

        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(settings.current().version()).isEqualTo(2);
    }

    @Test
    void aKeyRemovedFromTheFileGoesBackToItsStartupValue() throws IOException {
        write("opsbridge.operations.cache-ttl=500ms\nopsbridge.operations.queue-capacity=3\n");
        reloader().reload("admin", false);
        write("opsbridge.operations.queue-capacity=3\n");

        ReloadEvent event = reloader().reload("admin", false);

        assertThat(event.diff()).containsExactly(new SettingsChange("opsbridge.operations.cache-ttl", "500ms", "2s"));
    }

    @Test
    void dryRunValidatesAndDiffsButAppliesAndRecordsNothing() throws IOException {
        write("opsbridge.operations.cache-ttl=500ms\n");

        ReloadEvent event = reloader().reload("admin", true);

        assertThat(event.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(event.dryRun()).isTrue();
        assertThat(event.diff()).hasSize(1);
        assertThat(settings.current().version()).isEqualTo(1);
        assertThat(history.latest(10)).isEmpty();
    }

    @Test
    void anObserverThatThrowsIsRecordedAndDoesNotStopTheSwapOrTheOthers() throws IOException {
        List<Long> seen = new ArrayList<>();
        settings.observe((previous, current, diff) -> {
            throw new IllegalStateException("observer down");
        });
        List<SettingsChange> told = new ArrayList<>();
        settings.observe((previous, current, diff) -> {
            seen.add(current.version());
            told.addAll(diff);
        });
        write("opsbridge.operations.cache-ttl=500ms\n");

        ReloadEvent event = reloader().reload("admin", false);

        assertThat(event.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(event.observerFailures()).singleElement().asString().contains("observer down");
        assertThat(seen).containsExactly(2L);
        assertThat(told).as("the others still get the diff").isEqualTo(event.diff()).isNotEmpty();
    }

    @Test
    void concurrentReloadsAreSerializedWithoutALostOrInterleavedApply() throws IOException {
        List<Long> versions = new CopyOnWriteArrayList<>();
        settings.observe((previous, current, diff) -> {
            assertThat(current.version()).isEqualTo(previous.version() + 1);
            versions.add(current.version());
        });
        SettingsReloader r = reloader();
        List<CompletableFuture<ReloadEvent>> futures = IntStream.range(0, 40).mapToObj(i ->
                CompletableFuture.supplyAsync(() -> {
                    synchronized (this) {
                        write("opsbridge.operations.cache-ttl=" + (100 + i) + "ms\n");
                        return r.reload("admin", false);
                    }
                })).toList();
        List<ReloadEvent> events = futures.stream().map(CompletableFuture::join).toList();

        assertThat(events).allSatisfy(e -> assertThat(e.outcome()).isEqualTo(Outcome.APPLIED));
        assertThat(events).extracting(ReloadEvent::toVersion).doesNotHaveDuplicates();
        assertThat(versions).hasSize(40).isSorted();
        assertThat(settings.current().version()).isEqualTo(41);
    }

    @Test
    void historyKeepsTheLastHundredEvents() throws IOException {
        for (int i = 0; i < 120; i++) {
            write("opsbridge.operations.cache-ttl=" + (100 + i) + "ms\n");
            reloader().reload("admin", false);
        }
        assertThat(history.latest(1000)).hasSize(100);
        assertThat(history.latest(1).get(0).toVersion()).isEqualTo(121);
        assertThat(history.stats().totals()).containsEntry("applied", 100L);
    }

    @Test
    void aQuietTriggerRecordsTheSameBrokenFileOnce() throws IOException {
        write("opsbridge.operations.cache-ttl=soon\n");
        reloader().submitQuietly("recheck");
        reloader().submitQuietly("recheck");
        reloader().reload("admin", true); // waits for both

        assertThat(recorded).hasSize(1);
    }

    private void write(String text) {
        try {
            Files.writeString(dir.resolve("rt.properties"), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
