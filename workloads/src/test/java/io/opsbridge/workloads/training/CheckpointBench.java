package io.opsbridge.workloads.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Not a test: {@code bench/checkpoints.sh} runs it. The same seeded training without checkpoints and
 * with {@code checkpoint-every=1}, alternated, {@code rounds} times each; an epoch's time is the
 * interval between two epoch reports, so it includes the checkpoint written after the first. Prints
 * the median of each, their ratio, and the size of one checkpoint on disk.
 *
 * <pre>{@code
 * java ... io.opsbridge.workloads.training.CheckpointBench [rounds] [bars per symbol] [epochs]
 * }</pre>
 */
public final class CheckpointBench {

    private CheckpointBench() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int bars = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        DjlDefaults.apply();
        Path dir = Files.createTempDirectory("opsbridge-checkpoint-bench");
        List<String> symbols = List.of("AAPL", "MSFT", "GOOG");
        new SampleDataGenerator(42).generate(dir.resolve("data"), symbols, "1h", bars);
        TrainingOrchestrator orchestrator = new TrainingOrchestrator(new TrainingSettings(dir.resolve("data"),
                dir.resolve("models")));
        TrainingRequest request = new TrainingRequest(null, symbols, "1h", epochs, 64, 0.001, 0.2, null, 7L, null, null);
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        long[] size = {0};
        for (int round = 0; round < rounds + 1; round++) { // round 0 warms the JIT and the native library up
            TimingBridge plain = new TimingBridge(null, epochs, size);
            orchestrator.run("bench_plain_" + round, request, plain, CheckpointPlan.none());
            CheckpointPlan plan = CheckpointPlan.under(dir.resolve("models"), "bench_" + round, 1, 2);
            TimingBridge checkpointed = new TimingBridge(plan.dir().resolve("epoch-" + String.format("%06d", epochs - 1)),
                    epochs, size);
            orchestrator.run("bench_checkpointed_" + round, request, checkpointed, plan);
            if (round > 0) {
                without.addAll(plain.intervals);
                with.addAll(checkpointed.intervals);
            }
        }
        double a = median(without);
        double b = median(with);
        System.out.printf(Locale.ROOT, "samples/epoch %d, epochs %d, rounds %d (alternated)%n",
                (int) ((bars - FeatureExtractor.WARMUP - 1) * symbols.size() * 0.8), epochs, rounds);
        System.out.printf(Locale.ROOT, "epoch without checkpoints: median %.1f ms (%d epochs)%n", a, without.size());
        System.out.printf(Locale.ROOT, "epoch with checkpoint-every=1: median %.1f ms (%d epochs)%n", b, with.size());
        System.out.printf(Locale.ROOT, "ratio with/without: %.3f%n", b / a);
        System.out.printf(Locale.ROOT, "one checkpoint on disk: %d bytes%n", size[0]);
        delete(dir);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Records the intervals between epoch reports; at the last one, the size of the previous epoch's checkpoint. */
    private static final class TimingBridge extends TrainingProgressBridge {
        private final Path checkpoint;
        private final int epochs;
        private final long[] size;
        private final List<Double> intervals = new ArrayList<>();
        private long last;

        TimingBridge(Path checkpoint, int epochs, long[] size) {
            this.checkpoint = checkpoint;
            this.epochs = epochs;
            this.size = size;
        }

        @Override
        public void onEpoch(EpochMetrics m) {
            super.onEpoch(m);
            long now = System.nanoTime();
            if (last != 0) {
                intervals.add((now - last) / 1e6);
            }
            last = now;
            if (m.epoch() == epochs && checkpoint != null) {
                size[0] = sizeOf(checkpoint);
            }
        }

        private static long sizeOf(Path dir) {
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
