package io.seqcast.engine.internal;

import io.seqcast.engine.Seasons;

/**
 * The seasonal component of one history by classical decomposition, where a 90 % autocorrelation test
 * at the seasonal lag finds one (as the M4 benchmarks adjust): multiplicative for positive data,
 * additive otherwise. Without a significant season it adjusts nothing.
 */
final class Seasonality {

    private static final Seasonality NONE = new Seasonality(1, null, false);

    private final int period;
    /** Index per position in the season (position 0: the first point of the history); null for none. */
    private final double[] indices;
    private final boolean multiplicative;

    private Seasonality(int period, double[] indices, boolean multiplicative) {
        this.period = period;
        this.indices = indices;
        this.multiplicative = multiplicative;
    }

    static Seasonality of(double[] y, int period) {
        if (!Seasons.significant(y, period)) {
            return NONE;
        }
        boolean positive = true;
        for (double v : y) {
            positive &= v > 0;
        }
        return new Seasonality(period, indices(y, period, positive), positive);
    }

    /**
     * The seasonal indices of classical decomposition, per position in the season (position 0: the first
     * point), normalised to mean 1 (multiplicative) or 0 (additive). Needs at least two seasons of points.
     */
    static double[] indices(double[] y, int period, boolean multiplicative) {
        int n = y.length;
        // Centred moving average of order period (2 x period when even) as the trend-cycle.
        double[] trend = new double[n];
        int half = period / 2;
        for (int t = half; t < n - half; t++) {
            double sum = 0;
            if (period % 2 == 0) {
                for (int k = -half; k <= half; k++) {
                    sum += (Math.abs(k) == half ? 0.5 : 1) * y[t + k];
                }
            } else {
                for (int k = -half; k <= half; k++) {
                    sum += y[t + k];
                }
            }
            trend[t] = sum / period;
        }
        double[] sums = new double[period];
        int[] counts = new int[period];
        for (int t = half; t < n - half; t++) {
            sums[t % period] += multiplicative ? y[t] / trend[t] : y[t] - trend[t];
            counts[t % period]++;
        }
        double[] indices = new double[period];
        double mean = 0;
        for (int p = 0; p < period; p++) {
            indices[p] = counts[p] == 0 ? (multiplicative ? 1 : 0) : sums[p] / counts[p];
            mean += indices[p] / period;
        }
        for (int p = 0; p < period; p++) {
            indices[p] = multiplicative ? indices[p] / mean : indices[p] - mean;
        }
        return indices;
    }

    double[] adjust(double[] y) {
        if (indices == null) {
            return y;
        }
        double[] adjusted = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            adjusted[t] = multiplicative ? y[t] / indices[t % period] : y[t] - indices[t % period];
        }
        return adjusted;
    }

    /** Puts the season back into a forecast that starts right after a history of {@code length} points. */
    double[] restore(double[] forecast, int length) {
        if (indices == null) {
            return forecast;
        }
        double[] seasonal = new double[forecast.length];
        for (int h = 0; h < forecast.length; h++) {
            double index = indices[(length + h) % period];
            seasonal[h] = multiplicative ? forecast[h] * index : forecast[h] + index;
        }
        return seasonal;
    }
}
