package io.opsbridge.backend.models.serving;

import io.opsbridge.backend.models.ModelLoadException;
import io.opsbridge.backend.models.ModelVersion;
import io.opsbridge.workloads.training.DirectionPredictor;
import io.opsbridge.workloads.training.DjlDefaults;
import io.opsbridge.workloads.training.FeatureExtractor;
import io.opsbridge.workloads.training.ModelArtifact;
import io.opsbridge.workloads.training.ModelDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Loads a registered version fully and proves it can serve before anyone uses it: the descriptor
 * must describe the features this backend computes, and a smoke prediction must give one finite
 * probability per class that sum to 1.
 */
public class ModelLoader {

    private final ModelArtifact artifact = new ModelArtifact();

    public ModelLoader() {
        DjlDefaults.apply();
    }

    /**
     * @return the loaded model, holding one reference for its future serving slot
     * @throws ModelLoadException naming the version and the cause; nothing stays loaded then
     */
    public LoadedModel load(ModelVersion version) {
        long start = System.nanoTime();
        Path dir = Path.of(version.modelPath());
        if (!Files.isDirectory(dir)) {
            throw new ModelLoadException("cannot load " + version.label() + ": model directory " + dir + " does not exist");
        }
        DirectionPredictor predictor;
        try {
            predictor = artifact.load(dir);
        } catch (RuntimeException e) { // ModelArtifactException, or a DJL error
            throw new ModelLoadException("cannot load " + version.label() + ": " + e.getMessage(), e);
        }
        try {
            checkDescriptor(predictor.descriptor());
            smokePredict(predictor);
        } catch (RuntimeException e) {
            predictor.close();
            throw new ModelLoadException("cannot serve " + version.label() + ": " + e.getMessage(), e);
        }
        return new LoadedModel(version, predictor, Instant.now(), (System.nanoTime() - start) / 1_000_000);
    }

    private static void checkDescriptor(ModelDescriptor descriptor) {
        List<String> features = FeatureExtractor.FEATURE_NAMES;
        List<String> labels = FeatureExtractor.LABEL_CLASSES;
        if (!features.equals(descriptor.featureNames())) {
            throw new IllegalStateException("descriptor mismatch: model features " + descriptor.featureNames()
                    + ", this backend computes " + features);
        }
        if (!labels.equals(descriptor.labelClasses())) {
            throw new IllegalStateException("descriptor mismatch: model classes " + descriptor.labelClasses()
                    + ", expected " + labels);
        }
        List<Integer> layers = descriptor.layerSizes();
        if (layers == null || layers.size() < 2 || layers.get(0) != features.size()
                || layers.get(layers.size() - 1) != labels.size()) {
            throw new IllegalStateException("descriptor mismatch: layer sizes " + layers + " do not map "
                    + features.size() + " features to " + labels.size() + " classes");
        }
        if (descriptor.timeframe() == null) {
            throw new IllegalStateException("descriptor mismatch: no timeframe");
        }
    }

    private static void smokePredict(DirectionPredictor predictor) {
        float[] probabilities = predictor.predict(new float[FeatureExtractor.FEATURE_NAMES.size()]);
        double sum = 0;
        for (float p : probabilities) {
            if (!Float.isFinite(p)) {
                throw new IllegalStateException("smoke prediction gave " + p);
            }
            sum += p;
        }
        if (probabilities.length != FeatureExtractor.LABEL_CLASSES.size() || Math.abs(sum - 1) > 1e-3) {
            throw new IllegalStateException("smoke prediction gave " + probabilities.length
                    + " probabilities summing to " + sum);
        }
    }
}
