package io.opsbridge.workloads.training;

import java.util.List;

/**
 * Turns bars into technical-indicator features and next-bar direction labels.
 *
 * <p>Features of bar {@code t} use bars up to {@code t} only: returns over 1, 5 and 10 bars, close
 * over its 20-bar mean, RSI(14) scaled to 0..1, the standard deviation of 1-bar returns over 20
 * bars, the volume z-score over 20 bars and the bar's high-low range. The label says whether bar
 * {@code t+1} closes down, flat (within {@code flatThreshold}) or up against bar {@code t}.
 */
public class FeatureExtractor {

    public static final List<String> FEATURE_NAMES = List.of(
            "ret_1", "ret_5", "ret_10", "sma_ratio_20", "rsi_14", "volatility_20", "volume_z_20", "range");
    public static final List<String> LABEL_CLASSES = List.of("down", "flat", "up");
    public static final int DOWN = 0;
    public static final int FLAT = 1;
    public static final int UP = 2;
    public static final double DEFAULT_FLAT_THRESHOLD = 0.002;
    /** Bars needed before the first one that has all features. */
    public static final int WARMUP = 20;

    private static final int RSI_PERIOD = 14;
    private static final int WINDOW = 20;

    private final double flatThreshold;

    public FeatureExtractor(double flatThreshold) {
        this.flatThreshold = flatThreshold;
    }

    public double flatThreshold() {
        return flatThreshold;
    }

    /**
     * One sample per bar from index {@link #WARMUP} to the second-to-last (the last has no next bar).
     *
     * @throws MarketDataException if there are too few bars or a close is not positive
     */
    public FeatureSet extract(List<OhlcvBar> bars) {
        int n = bars.size();
        if (n < WARMUP + 2) {
            throw new MarketDataException("need at least " + (WARMUP + 2) + " bars, got " + n);
        }
        double[] close = closes(bars);
        float[][] rows = new float[n - WARMUP - 1][];
        int[] labels = new int[rows.length];
        for (int t = WARMUP; t < n - 1; t++) {
            rows[t - WARMUP] = featuresAt(bars, close, t);
            labels[t - WARMUP] = label(close[t], close[t + 1]);
        }
        return new FeatureSet(FEATURE_NAMES, rows, labels);
    }

    /** The features of the newest bar, to predict the direction of the bar to come. */
    public float[] latest(List<OhlcvBar> bars) {
        if (bars.size() < WARMUP + 1) {
            throw new MarketDataException("need at least " + (WARMUP + 1) + " bars, got " + bars.size());
        }
        return featuresAt(bars, closes(bars), bars.size() - 1);
    }

    int label(double close, double nextClose) {
        double change = nextClose / close - 1;
        if (change > flatThreshold) {
            return UP;
        }
        return change < -flatThreshold ? DOWN : FLAT;
    }

    private static float[] featuresAt(List<OhlcvBar> bars, double[] close, int t) {
        OhlcvBar bar = bars.get(t);
        return new float[] {
            (float) (close[t] / close[t - 1] - 1),
            (float) (close[t] / close[t - 5] - 1),
            (float) (close[t] / close[t - 10] - 1),
            (float) (close[t] / mean(close, t - WINDOW + 1, t + 1) - 1),
            (float) (rsi(close, t) / 100.0),
            (float) returnVolatility(close, t),
            (float) volumeZScore(bars, t),
            (float) ((bar.high() - bar.low()) / close[t]),
        };
    }

    private static double[] closes(List<OhlcvBar> bars) {
        double[] close = new double[bars.size()];
        for (int i = 0; i < close.length; i++) {
            close[i] = bars.get(i).close();
            if (!(close[i] > 0)) {
                throw new MarketDataException("close must be positive, was " + close[i] + " at " + bars.get(i).timestamp());
            }
        }
        return close;
    }

    /** RSI with simple averages of the last 14 gains and losses; 100 when nothing fell, 50 when flat. */
    static double rsi(double[] close, int t) {
        double gains = 0;
        double losses = 0;
        for (int i = t - RSI_PERIOD + 1; i <= t; i++) {
            double change = close[i] - close[i - 1];
            if (change > 0) {
                gains += change;
            } else {
                losses -= change;
            }
        }
        if (losses == 0) {
            return gains == 0 ? 50.0 : 100.0;
        }
        return 100.0 - 100.0 / (1.0 + gains / losses);
    }

    private static double returnVolatility(double[] close, int t) {
        double sum = 0;
        double sumSq = 0;
        for (int i = t - WINDOW + 1; i <= t; i++) {
            double r = close[i] / close[i - 1] - 1;
            sum += r;
            sumSq += r * r;
        }
        double mean = sum / WINDOW;
        return Math.sqrt(Math.max(0, sumSq / WINDOW - mean * mean));
    }

    private static double volumeZScore(List<OhlcvBar> bars, int t) {
        double sum = 0;
        double sumSq = 0;
        for (int i = t - WINDOW + 1; i <= t; i++) {
            double v = bars.get(i).volume();
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / WINDOW;
        double std = Math.sqrt(Math.max(0, sumSq / WINDOW - mean * mean));
        return std < 1e-9 ? 0.0 : (bars.get(t).volume() - mean) / std;
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
