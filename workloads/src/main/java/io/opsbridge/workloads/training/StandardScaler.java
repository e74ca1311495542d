package io.opsbridge.workloads.training;

/**
 * Centres each feature on its mean and divides by its standard deviation. Fit it on the training
 * samples only, then apply the same numbers to validation and to live predictions.
 */
public final class StandardScaler {

    private final double[] means;
    private final double[] stds;

    /** A scaler with known numbers, e.g. read back from a model descriptor. */
    public StandardScaler(double[] means, double[] stds) {
        if (means.length != stds.length) {
            throw new IllegalArgumentException(means.length + " means but " + stds.length + " stds");
        }
        this.means = means.clone();
        this.stds = stds.clone();
    }

    /** Means and (population) standard deviations of each column; a constant column gets std 1. */
    public static StandardScaler fit(float[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("cannot fit on no rows");
        }
        int width = rows[0].length;
        double[] means = new double[width];
        double[] stds = new double[width];
        for (float[] row : rows) {
            for (int j = 0; j < width; j++) {
                means[j] += row[j];
            }
        }
        for (int j = 0; j < width; j++) {
            means[j] /= rows.length;
        }
        for (float[] row : rows) {
            for (int j = 0; j < width; j++) {
                double d = row[j] - means[j];
                stds[j] += d * d;
            }
        }
        for (int j = 0; j < width; j++) {
            double std = Math.sqrt(stds[j] / rows.length);
            stds[j] = std < 1e-12 ? 1.0 : std;
        }
        return new StandardScaler(means, stds);
    }

    /** A new, scaled copy of {@code row}. */
    public float[] transform(float[] row) {
        if (row.length != means.length) {
            throw new IllegalArgumentException("expected " + means.length + " features, got " + row.length);
        }
        float[] out = new float[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (float) ((row[j] - means[j]) / stds[j]);
        }
        return out;
    }

    public double[] means() {
        return means.clone();
    }

    public double[] stds() {
        return stds.clone();
    }
}
