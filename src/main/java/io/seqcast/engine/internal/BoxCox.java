package io.seqcast.engine.internal;

/**
 * The Box-Cox transform of a positive history (issue 9 item 1), with Guerrero's lambda as R's
 * {@code BoxCox.lambda(y, "guerrero")} finds it: it makes a series whose spread grows with its level
 * spread evenly, so that additive fits and their errors hold at every level. A forecast transformed back is
 * the median of the forecast distribution, not its mean.
 *
 * <p>Values are divided by the history's mean first ({@code scale}). The transform is then the same in any
 * units, keeps its precision for large values and a negative lambda, and the transformed history lies on
 * both sides of zero, so that the methods fit it with additive forms only, as R's {@code ets} does given a
 * lambda (multiplicative forms need positive data, which the transform of values over the scale alone is).
 */
record BoxCox(double lambda, double scale) {

    /** R's range for Guerrero's lambda, -1 to 2, searched on a grid of 0.01. */
    private static final double LOWEST = -1;
    private static final int STEPS = 300;

    /** The transform fitted to {@code history}, or null where a value is not positive (nor finite). */
    static BoxCox of(double[] history, int period) {
        double sum = 0;
        for (double value : history) {
            if (!(value > 0) || !Double.isFinite(value)) {
                return null;
            }
            sum += value;
        }
        return new BoxCox(guerrero(history, period), sum / history.length);
    }

    double[] forward(double[] values) {
        double[] transformed = new double[values.length];
        for (int t = 0; t < values.length; t++) {
            double relative = values[t] / scale;
            transformed[t] = log() ? Math.log(relative) : (Math.pow(relative, lambda) - 1) / lambda;
        }
        return transformed;
    }

    /**
     * Transformed values back, step by step; NaN for a step with no positive preimage (at -1/lambda or above for a
     * negative lambda: a forecast that far out is not one of this series) or none a 32-bit float holds. Above
     * 0, lambda maps every value back (a root that keeps the sign, as R's {@code InvBoxCox}).
     */
    double[] inverse(double[] values) {
        double[] original = new double[values.length];
        for (int t = 0; t < values.length; t++) {
            double base = lambda * values[t] + 1;
            double value = scale * (log() ? Math.exp(values[t]) : Math.signum(base) * Math.pow(Math.abs(base), 1 / lambda));
            original[t] = !(Math.abs(value) <= Float.MAX_VALUE) || lambda < 0 && !(base > 0) ? Double.NaN : value;
        }
        return original;
    }

    private boolean log() {
        return Math.abs(lambda) < 1e-9;
    }

    /**
     * Guerrero's lambda: the one that makes each subseries' standard deviation over the power 1 - lambda of
     * its mean most nearly constant (the least coefficient of variation), over the latest whole subseries of
     * a season's length (at least 2 points). 1, no transform but a shift, where fewer than two subseries fit.
     */
    static double guerrero(double[] y, int period) {
        int length = Math.max(2, period);
        int groups = y.length / length;
        if (groups < 2) {
            return 1;
        }
        int offset = y.length - groups * length;
        double[] means = new double[groups];
        double[] deviations = new double[groups];
        for (int g = 0; g < groups; g++) {
            double sum = 0;
            for (int t = 0; t < length; t++) {
                sum += y[offset + g * length + t];
            }
            means[g] = sum / length;
            double squares = 0;
            for (int t = 0; t < length; t++) {
                double d = y[offset + g * length + t] - means[g];
                squares += d * d;
            }
            deviations[g] = Math.sqrt(squares / (length - 1));
        }
        double best = 1;
        double bestVariation = Double.POSITIVE_INFINITY;
        double[] ratios = new double[groups];
        for (int step = 0; step <= STEPS; step++) {
            double lambda = LOWEST + step / 100.0;
            double mean = 0;
            for (int g = 0; g < groups; g++) {
                ratios[g] = deviations[g] / Math.pow(means[g], 1 - lambda);
                mean += ratios[g] / groups;
            }
            double squares = 0;
            for (double ratio : ratios) {
                squares += (ratio - mean) * (ratio - mean);
            }
            double variation = Math.sqrt(squares / (groups - 1)) / mean;
            if (variation < bestVariation) {
                bestVariation = variation;
                best = lambda;
            }
        }
        return best;
    }
}
