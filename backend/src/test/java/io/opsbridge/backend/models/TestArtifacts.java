package io.opsbridge.backend.models;

import io.opsbridge.workloads.training.DjlDefaults;
import io.opsbridge.workloads.training.ModelArtifact;
import io.opsbridge.workloads.training.TrainingOrchestrator;
import io.opsbridge.workloads.training.TrainingProgressBridge;
import io.opsbridge.workloads.training.TrainingRequest;
import io.opsbridge.workloads.training.TrainingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Real model artifacts for tests: tiny trainings (1 epoch), and broken copies of them. */
public final class TestArtifacts {

    public static final List<String> SYMBOLS = List.of("AAPL", "MSFT");

    private TestArtifacts() {
    }

    /** Trains one epoch on {@code dataDir} and returns the artifact directory. */
    public static Path train(Path dataDir, Path modelsDir, String strategy, String artifactVersion, long seed) {
        DjlDefaults.apply();
        TrainingRequest request = new TrainingRequest(strategy, SYMBOLS, "1h", 1, 64, null, null, null, seed, null, true);
        return new TrainingOrchestrator(new TrainingSettings(dataDir, modelsDir))
                .run(artifactVersion, request, new TrainingProgressBridge()).modelPath();
    }

    /** A copy of {@code good} whose weights file is garbage. */
    public static Path corruptCopy(Path good, Path target) {
        copy(good, target);
        try (Stream<Path> files = Files.list(target)) {
            for (Path params : files.filter(p -> p.toString().endsWith(".params")).toList()) {
                Files.write(params, "these are not weights".getBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** A copy of {@code good} whose descriptor names features this backend does not compute. */
    public static Path mismatchedCopy(Path good, Path target) {
        copy(good, target);
        Path descriptor = target.resolve(ModelArtifact.DESCRIPTOR_FILE);
        try {
            Files.writeString(descriptor, Files.readString(descriptor).replace("\"ret_1\"", "\"sentiment\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
