package io.opsbridge.workloads.training;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a training process finds its data and puts its models; the apps fill it from their config.
 *
 * @param dataDir            holds {@code {SYMBOL}_{timeframe}.csv} files
 * @param modelsDir          receives {@code {strategy}/{version}/} artifact directories
 * @param labelFlatThreshold a next-bar change within ± this fraction is labelled flat
 */
public record TrainingSettings(Path dataDir, Path modelsDir, double labelFlatThreshold) {

    public TrainingSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(modelsDir, "modelsDir");
        if (!(labelFlatThreshold >= 0)) {
            throw new IllegalArgumentException("labelFlatThreshold must not be negative");
        }
    }

    /** Settings with the default flat threshold ({@value FeatureExtractor#DEFAULT_FLAT_THRESHOLD}). */
    public TrainingSettings(Path dataDir, Path modelsDir) {
        this(dataDir, modelsDir, FeatureExtractor.DEFAULT_FLAT_THRESHOLD);
    }
}
