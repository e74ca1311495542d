package io.opsbridge.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.opsbridge.workloads.training.EpochMetrics;
import io.opsbridge.workloads.training.SampleDataGenerator;
import io.opsbridge.workloads.training.TrainingOrchestrator;
import io.opsbridge.workloads.training.TrainingProgressBridge;
import io.opsbridge.workloads.training.TrainingRequest;
import io.opsbridge.workloads.training.TrainingResult;
import io.opsbridge.workloads.training.TrainingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The seeded training that every resume-exactness test compares with: the local one across killed
 * backends (TrainingResumeIT), the one whose host dies (HostLossResumeIT), and the Kubernetes eviction's.
 * Tiny SYNTHETIC data ({@link #writeData}) and a seed; run straight through once per test JVM, in this
 * process, by the workloads' {@link TrainingOrchestrator}: the very code the backend and the hosts run.
 * Training is bit-deterministic for a seed across processes and between host and local, so a run that
 * was killed and resumed must end with the same per-epoch loss and accuracy (within 1e-6) and the same
 * {@code .params} bytes.
 *
 * <pre>{@code
 * StraightRun.writeData(work.resolve("market"));                 // the process's opsbridge.training.data-dir
 * String id = RestartIT.start(backend, StraightRun.request("local"));
 * ... kill, resume, wait for completed ...
 * StraightRun.reference().assertSameRun(RestartIT.metrics(backend, id), modelPath, "attempts ...");
 * }</pre>
 */
public final class StraightRun {

    /**
     * Epochs of the training: room for a kill after epoch 3, another at least 3 epochs after the
     * resume, and a last attempt that still has epochs to run.
     */
    public static final int EPOCHS = 60;
    /**
     * Bars of the data: about 50 ms an epoch at batch size 16 in a C1-only test process on 2 cores, so a poll
     * catches the epoch to kill at, and a training resumed at a restart still runs (for seconds) when the
     * restarted backend first answers. 40 epochs on 1500 bars were run through before the second kill in 1 of 5 runs.
     */
    static final int BARS = 2000;
    static final String SYMBOL = "AAPL";
    static final String TIMEFRAME = "1h";
    static final int BATCH_SIZE = 16;
    static final long SEED = 11;
    private static final List<String> COMPARED = List.of("train_loss", "val_loss", "train_accuracy", "val_accuracy");

    private static StraightRun reference;

    private final List<EpochMetrics> epochs;
    private final byte[] params;

    private StraightRun(List<EpochMetrics> epochs, byte[] params) {
        this.epochs = epochs;
        this.params = params;
    }

    /** Writes the training's data into {@code market}: the data directory of the process that trains it. */
    public static void writeData(Path market) {
        new SampleDataGenerator(SampleDataGenerator.DEFAULT_SEED).generate(market, List.of(SYMBOL), TIMEFRAME, BARS);
    }

    /** The request body of the training, in {@code mode} {@code local} or {@code host}. */
    public static String request(String mode) {
        return "{\"symbols\":[\"" + SYMBOL + "\"],\"timeframe\":\"" + TIMEFRAME + "\",\"epochs\":" + EPOCHS
                + ",\"batch_size\":" + BATCH_SIZE + ",\"seed\":" + SEED + ",\"mode\":\"" + mode + "\"}";
    }

    /** The training run straight through: computed at the first call in this JVM, then kept. */
    public static synchronized StraightRun reference() {
        if (reference == null) {
            reference = run(Path.of("target", "straight-run"));
        }
        return reference;
    }

    /**
     * Asserts that a run's metrics (as {@code GET .../metrics} lists them) have every epoch once, in
     * order, each with this run's loss and accuracy within 1e-6, and that its model directory holds
     * this run's {@code .params} bytes; {@code context} is said on a failure (its attempts, say).
     */
    public void assertSameRun(List<Map<String, Object>> metrics, Path modelPath, String context) {
        assertThat(metrics).extracting(m -> m.get("epoch")).as("every epoch once, in order (%s)", context)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, EPOCHS).boxed().toList());
        for (int i = 0; i < EPOCHS; i++) {
            EpochMetrics straight = epochs.get(i);
            List<Double> expected = List.of(straight.trainLoss(), straight.valLoss(), straight.trainAccuracy(),
                    straight.valAccuracy());
            for (int k = 0; k < COMPARED.size(); k++) {
                assertThat(((Number) metrics.get(i).get(COMPARED.get(k))).doubleValue())
                        .as("epoch %d %s (%s)", i + 1, COMPARED.get(k), context)
                        .isCloseTo(expected.get(k), within(1e-6));
            }
        }
        assertThat(read(paramsIn(modelPath))).as("the straight run's model, byte for byte (%s)", context)
                .isEqualTo(params);
    }

    private static StraightRun run(Path dir) {
        try {
            deleteRecursively(dir); // the generator keeps an existing file: one of an earlier size would stay
            Path market = dir.resolve("market");
            Path models = dir.resolve("models");
            writeData(market);
            TrainingRequest request = new TrainingRequest(null, List.of(SYMBOL), TIMEFRAME, EPOCHS, BATCH_SIZE, null,
                    null, null, SEED, null, null).withDefaults();
            TrainingResult result = new TrainingOrchestrator(new TrainingSettings(market, models))
                    .run("straight", request, new TrainingProgressBridge());
            return new StraightRun(result.history(), read(paramsIn(result.modelPath())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the straight training under " + dir, e);
        }
    }

    private static Path paramsIn(Path modelPath) {
        try (Stream<Path> files = Files.walk(modelPath)) {
            return files.filter(p -> p.toString().endsWith(".params")).findFirst()
                    .orElseThrow(() -> new AssertionError("no .params under " + modelPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
