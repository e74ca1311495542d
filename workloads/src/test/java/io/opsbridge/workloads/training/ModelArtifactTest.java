package io.opsbridge.workloads.training;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ModelArtifactTest {

    @TempDir
    static Path tmp;
    private static TrainingResult trained;
    private static Path dataDir;
    private final ModelArtifact artifact = new ModelArtifact();

    @BeforeAll
    static void trainOnce() {
        dataDir = tmp.resolve("data");
        new SampleDataGenerator(3).generate(dataDir, List.of("AAPL"), "1h", 200);
        TrainingOrchestrator orchestrator = new TrainingOrchestrator(new TrainingSettings(dataDir, tmp.resolve("models")));
        trained = orchestrator.run("v1", TrainingRequest.of(List.of("AAPL"), "1h", 1).withSeed(1L),
                new TrainingProgressBridge());
    }

    @Test
    void aLoadedModelPredictsThreeProbabilitiesSummingToOne() {
        List<OhlcvBar> bars = new OhlcvCsvReader(dataDir).read("AAPL", "1h");
        float[] features = new FeatureExtractor(FeatureExtractor.DEFAULT_FLAT_THRESHOLD).latest(bars);

        try (DirectionPredictor predictor = artifact.load(trained.modelPath())) {
            float[] p = predictor.predict(features);

            assertThat(p).hasSize(3);
            assertThat((double) (p[0] + p[1] + p[2])).isCloseTo(1.0, within(1e-5));
            for (float x : p) {
                assertThat(x).isBetween(0f, 1f);
            }
            assertThat(predictor.predict(features)).containsExactly(p);
            assertThat(predictor.descriptor().labelClasses()).containsExactly("down", "flat", "up");
        }
    }

    @Test
    void predictionsFromManyThreadsAgreeWithASingleThread() throws Exception {
        List<OhlcvBar> bars = new OhlcvCsvReader(dataDir).read("AAPL", "1h");
        FeatureSet rows = new FeatureExtractor(FeatureExtractor.DEFAULT_FLAT_THRESHOLD).extract(bars).slice(0, 40);

        try (DirectionPredictor predictor = artifact.load(trained.modelPath())) {
            List<float[]> expected = new ArrayList<>();
            for (float[] row : rows.features()) {
                expected.add(predictor.predict(row));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<float[]>>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    results.add(pool.submit(() -> {
                        List<float[]> out = new ArrayList<>();
                        for (float[] row : rows.features()) {
                            out.add(predictor.predict(row));
                        }
                        return out;
                    }));
                }
                for (Future<List<float[]>> result : results) {
                    List<float[]> actual = result.get(30, TimeUnit.SECONDS);
                    for (int i = 0; i < expected.size(); i++) {
                        assertThat(actual.get(i)).containsExactly(expected.get(i));
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void theDescriptorReadsBackAsWritten() {
        ModelDescriptor d = artifact.readDescriptor(trained.modelPath());

        assertThat(d.version()).isEqualTo("v1");
        assertThat(d.strategy()).isEqualTo("mlp_direction");
        assertThat(d.modelName()).isEqualTo(DirectionModel.MODEL_NAME);
        assertThat(d.scaler().means()).hasSize(d.featureNames().size());
        assertThat(d.samplesTrain()).isEqualTo(trained.samplesTrain());
        assertThat(d.finalMetrics()).containsEntry("val_accuracy", trained.finalEpoch().valAccuracy());
    }

    @Test
    void anExistingVersionIsNeverOverwritten() throws Exception {
        try (var model = DirectionModel.newModel(List.of(8, 32, 16, 3))) {
            ModelDescriptor d = artifact.readDescriptor(trained.modelPath());

            assertThatThrownBy(() -> artifact.save(trained.modelPath(), model, d))
                    .isInstanceOf(ModelArtifactException.class);
        }
        try (var files = Files.list(trained.modelPath().getParent())) {
            assertThat(files).containsExactly(trained.modelPath());
        }
    }

    @Test
    void aMissingOrBrokenArtifactFailsToLoad() throws Exception {
        assertThatThrownBy(() -> artifact.load(tmp.resolve("nothing-here"))).isInstanceOf(ModelArtifactException.class);

        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.copy(trained.modelPath().resolve(ModelArtifact.DESCRIPTOR_FILE), broken.resolve(ModelArtifact.DESCRIPTOR_FILE));
        assertThatThrownBy(() -> artifact.load(broken)).isInstanceOf(ModelArtifactException.class);
    }

    @Test
    void directoryNamesMustBePlainSegments() {
        assertThat(ModelArtifact.directory(tmp, "mlp_direction", "op_1")).isEqualTo(tmp.resolve("mlp_direction/op_1"));
        assertThatThrownBy(() -> ModelArtifact.directory(tmp, "mlp_direction", "../x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelArtifact.directory(tmp, "..", "v1")).isInstanceOf(IllegalArgumentException.class);
    }
}
