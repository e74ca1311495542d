package io.opsbridge.workloads.training;

import java.util.Arrays;
import java.util.List;

/**
 * Samples ready for the model: one row of features per sample and its label (an index into
 * {@link FeatureExtractor#LABEL_CLASSES}). Rows are in time order within each symbol.
 */
public record FeatureSet(List<String> featureNames, float[][] features, int[] labels) {

    public FeatureSet {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " rows but " + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }

    public int featureCount() {
        return featureNames.size();
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    public FeatureSet slice(int from, int to) {
        return new FeatureSet(featureNames, Arrays.copyOfRange(features, from, to), Arrays.copyOfRange(labels, from, to));
    }

    /** The same samples with every row transformed by {@code scaler}. */
    public FeatureSet scaled(StandardScaler scaler) {
        float[][] rows = new float[features.length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = scaler.transform(features[i]);
        }
        return new FeatureSet(featureNames, rows, labels);
    }

    /** The rows of all sets, one after the other; all must have the same feature names. */
    public static FeatureSet concat(List<FeatureSet> sets) {
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        int total = sets.stream().mapToInt(FeatureSet::size).sum();
        float[][] rows = new float[total][];
        int[] labels = new int[total];
        int at = 0;
        for (FeatureSet set : sets) {
            System.arraycopy(set.features, 0, rows, at, set.size());
            System.arraycopy(set.labels, 0, labels, at, set.size());
            at += set.size();
        }
        return new FeatureSet(sets.get(0).featureNames, rows, labels);
    }
}
