package io.opsbridge.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import io.opsbridge.core.DeterministicFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A loss that becomes NaN or infinite ends the training as a failure a new attempt would meet again. */
class TrainingDivergenceTest {

    @TempDir
    Path tmp;

    @Test
    void aHugeLearningRateDivergesInTheFirstEpochAndIsNeverRetried() {
        new SampleDataGenerator(42).generate(tmp, List.of("AAPL"), "1h", 200);
        FeatureSet features = new FeatureExtractor(FeatureExtractor.DEFAULT_FLAT_THRESHOLD)
                .extract(new OhlcvCsvReader(tmp).read("AAPL", "1h"));
        TrainValSplit raw = TrainValSplit.chronological(List.of(features), 0.2);
        TrainValSplit data = raw.scaled(StandardScaler.fit(raw.train().features()));
        List<Integer> epochsReported = new ArrayList<>();
        TrainingProgressBridge bridge = new TrainingProgressBridge() {
            @Override
            public void onEpoch(EpochMetrics m) {
                epochsReported.add(m.epoch());
                super.onEpoch(m);
            }
        };

        try (Model model = DirectionModel.newModel(DirectionModel.layerSizes(data.train().featureCount(),
                FeatureExtractor.LABEL_CLASSES.size()))) {
            assertThatThrownBy(() -> new MlpTrainer().train(model, data, new Hyperparameters(3, 16, 1e30, 7L), bridge))
                    .isInstanceOf(DeterministicFailure.class)
                    .hasMessageMatching("training diverged at epoch 1: loss (NaN|Infinity|-Infinity) .*")
                    .satisfies(e -> assertThat(DeterministicFailure.isIn(new RuntimeException("job failed", e))).isTrue());
        }
        assertThat(epochsReported).as("no epoch with a diverged loss is reported").isEmpty();
    }

    @Test
    void aFiniteLossPasses() {
        TrainingDivergedException.check(1, 0.69);
        assertThatThrownBy(() -> TrainingDivergedException.check(4, Double.POSITIVE_INFINITY))
                .hasMessageStartingWith("training diverged at epoch 4: loss Infinity");
    }
}
