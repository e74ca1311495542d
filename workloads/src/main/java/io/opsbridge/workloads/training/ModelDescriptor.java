package io.opsbridge.workloads.training;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything besides the weights that is needed to use a trained model, stored as
 * {@code descriptor.json} (snake_case) next to them: the layer sizes to rebuild the block, the
 * feature names and scaler numbers to prepare an input, the label classes to read the output, and
 * where the model came from.
 *
 * @param finalMetrics the last epoch's {@code train_loss}, {@code train_accuracy}, {@code val_loss},
 *                     {@code val_accuracy}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModelDescriptor(
        String strategy,
        String version,
        String modelName,
        List<Integer> layerSizes,
        List<String> featureNames,
        double[] scalerMeans,
        double[] scalerStds,
        List<String> labelClasses,
        double flatThreshold,
        String djlVersion,
        String pytorchVersion,
        int epochs,
        Map<String, Object> finalMetrics,
        List<String> symbols,
        String timeframe,
        int samplesTrain,
        int samplesVal,
        Instant createdAt) {

    /** The scaler the model was trained with. */
    public StandardScaler scaler() {
        return new StandardScaler(scalerMeans, scalerStds);
    }
}
