package io.opsbridge.workloads.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Training and validation samples. The split is chronological per symbol: the last share of each
 * symbol's samples validates, so the model is never validated on a past it could have peeked past.
 */
public record TrainValSplit(FeatureSet train, FeatureSet val) {

    /**
     * Splits each symbol's samples at {@code 1 - valFraction} and joins the parts.
     *
     * @throws MarketDataException if a symbol has fewer than two samples
     */
    public static TrainValSplit chronological(List<FeatureSet> perSymbol, double valFraction) {
        List<FeatureSet> train = new ArrayList<>();
        List<FeatureSet> val = new ArrayList<>();
        for (FeatureSet set : perSymbol) {
            int n = set.size();
            if (n < 2) {
                throw new MarketDataException("too few samples to split: " + n);
            }
            int nVal = Math.min(n - 1, Math.max(1, (int) Math.round(n * valFraction)));
            train.add(set.slice(0, n - nVal));
            val.add(set.slice(n - nVal, n));
        }
        return new TrainValSplit(FeatureSet.concat(train), FeatureSet.concat(val));
    }

    /** Both parts scaled by {@code scaler} (fitted on the training part only). */
    public TrainValSplit scaled(StandardScaler scaler) {
        return new TrainValSplit(train.scaled(scaler), val.scaled(scaler));
    }
}
