package io.opsbridge.benchmarks;

import io.opsbridge.core.logs.OperationLogs;
import io.opsbridge.core.run.OperationRunner;
import io.opsbridge.core.service.OperationsCore;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.settings.reload.ReloadEvent;
import io.opsbridge.core.settings.reload.SettingsCatalog;
import io.opsbridge.core.settings.reload.SettingsFile;
import io.opsbridge.core.settings.reload.SettingsHistory;
import io.opsbridge.core.settings.reload.SettingsReloader;
import io.opsbridge.core.store.InMemoryOperationStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The runtime settings: {@code readCurrent} is what every hot path pays to read a tunable (one
 * volatile read and a field load); {@code reload} is one whole reload through the one reload
 * thread (read the file, hash, parse, build and validate a SmallRyeConfig, diff, swap, observers:
 * the cache's TTL changed in place and the worker pool resized), alternating between two files so
 * that every reload applies. {@code -bm sample} gives its median and p99.
 */
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class SettingsBenchmark {

    /** A reloader with the core's real observers. */
    @State(Scope.Benchmark)
    public static class Reloading {
        Settings settings;
        SettingsReloader reloader;
        OperationRunner runner;
        Path dir;
        Path file;
        int round;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            settings = new Settings(RuntimeSettings.of(Map.of()));
            InMemoryOperationStore store = new InMemoryOperationStore();
            OperationsCore core = OperationsCore.builder(store).settings(settings).build();
            runner = new OperationRunner(core.lifecycle(), core.sources(), settings, new OperationLogs(store, settings));
            dir = Files.createTempDirectory("settings-bench");
            file = dir.resolve("opsbridge-runtime.properties");
            reloader = new SettingsReloader(settings, SettingsCatalog.core(), new SettingsFile(file),
                    new SettingsHistory(), List.of());
        }

        @Setup(Level.Invocation)
        public void nextFile() throws IOException {
            round++;
            Files.writeString(file, "opsbridge.operations.cache-ttl=" + (round % 2 == 0 ? "250ms" : "300ms")
                    + "\nopsbridge.operations.worker-threads=" + (round % 2 == 0 ? 2 : 3)
                    + "\nopsbridge.stall.training.stall-after=10m\nopsbridge.proxy.read-timeout=4s\n");
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            reloader.close();
            runner.shutdown();
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** Settings that are never swapped during the run. */
    @State(Scope.Benchmark)
    public static class Current {
        final Settings settings = new Settings(RuntimeSettings.of(Map.of()));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Duration readCurrent(Current state) {
        return state.settings.current().operations().cacheTtl();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ReloadEvent reload(Reloading state) {
        ReloadEvent event = state.reloader.reload("bench", false);
        if (event.outcome() != ReloadEvent.Outcome.APPLIED) {
            throw new IllegalStateException("not applied: " + event);
        }
        return event;
    }
}
