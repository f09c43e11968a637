package io.seqcast.engine.internal;

/**
 * The Box-Cox transform of a positive history (issue 9 item 1), with Guerrero's lambda as R's
 * {@code BoxCox.lambda(y, "guerrero")} finds it: it makes a series whose spread grows with its level
 * spread evenly, so that additive fits and their errors hold at every level. A forecast transformed back is
 * the median of the forecast distribution, not its mean.
 */
record BoxCox(double lambda) {

    /** R's range for Guerrero's lambda, -1 to 2, searched on a grid of 0.01. */
    private static final double LOWEST = -1;
    private static final int STEPS = 300;

    /** The transform fitted to {@code history}, or null where a value is not positive (nor finite). */
    static BoxCox of(double[] history, int period) {
        for (double value : history) {
            if (!(value > 0) || !Double.isFinite(value)) {
                return null;
            }
        }
        return new BoxCox(guerrero(history, period));
    }

    double[] forward(double[] values) {
        double[] transformed = new double[values.length];
        for (int t = 0; t < values.length; t++) {
            transformed[t] = log() ? Math.log(values[t]) : (Math.pow(values[t], lambda) - 1) / lambda;
        }
        return transformed;
    }

    /**
     * Transformed values back, or null where one has no positive preimage (below -1/lambda for a negative
     * lambda): a forecast that far out is not one of this series. Above 0, lambda maps every value back (a
     * root that keeps the sign, as R's {@code InvBoxCox}).
     */
    double[] inverse(double[] values) {
        double[] original = new double[values.length];
        for (int t = 0; t < values.length; t++) {
            double base = lambda * values[t] + 1;
            original[t] = log() ? Math.exp(values[t]) : Math.signum(base) * Math.pow(Math.abs(base), 1 / lambda);
            if (!Double.isFinite(original[t]) || lambda < 0 && !(base > 0)) {
                return null;
            }
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
