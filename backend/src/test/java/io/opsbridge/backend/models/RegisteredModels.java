package io.opsbridge.backend.models;

import io.opsbridge.backend.models.store.ModelRegistryStore;
import java.nio.file.Path;
import java.util.Map;

/**
 * Puts real models into a running backend's registry without going through a training operation:
 * trained (1 epoch) into the test models directory on the sample data the backend wrote at startup.
 */
public final class RegisteredModels {

    public static final Path DATA_DIR = Path.of("target/test-data/market");
    public static final Path MODELS_DIR = Path.of("target/test-data/models");

    private RegisteredModels() {
    }

    /** A unique strategy name, so tests sharing one application never see each other's versions. */
    public static String strategy(String prefix) {
        return prefix + "_" + Long.toHexString(System.nanoTime());
    }

    /** Trains, registers (inactive) and returns the version, e.g. {@code v1}. */
    public static String trained(ModelRegistryStore store, String strategy, long seed) {
        Path dir = TestArtifacts.train(DATA_DIR, MODELS_DIR, strategy, "test_" + System.nanoTime(), seed);
        return register(store, strategy, dir);
    }

    /** Registers a copy of {@code goodVersion}'s artifact whose weights are garbage. */
    public static String corrupt(ModelRegistryStore store, String strategy, String goodVersion) {
        Path good = Path.of(store.find(strategy, goodVersion).orElseThrow().modelPath());
        Path dir = TestArtifacts.corruptCopy(good, MODELS_DIR.resolve(strategy).resolve("corrupt_" + System.nanoTime()));
        return register(store, strategy, dir);
    }

    private static String register(ModelRegistryStore store, String strategy, Path dir) {
        return store.register(new NewModelVersion(strategy, dir.toAbsolutePath().toString(), Map.of("epochs", 1), Map.of(),
                "test_op_" + System.nanoTime())).version();
    }
}
