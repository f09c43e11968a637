package io.seqcast.engine.internal;

/**
 * Exponential smoothing's states at one point of a series, in the data's units: the level and trend there
 * and the seasonal state of every position around it. The network reads windows with the season taken out
 * and measured from this level, and forecasts the difference from smoothing's own forecast, as the M4
 * winner's network does (ES-RNN, Smyl 2020): an untrained network forecasts exponential smoothing.
 */
final class Decomposition {

    private final double level;
    private final double trend;
    /** The trend's damping; 1 undamped. */
    private final double phi;
    private final boolean multiplicative;
    /** Seasonal state by offset from the origin modulo the season's length; {0} without a season. */
    private final double[] cycle;

    Decomposition(double level, double trend, double phi, boolean multiplicative, double[] cycle) {
        this.level = level;
        this.trend = trend;
        this.phi = phi;
        this.multiplicative = multiplicative;
        this.cycle = cycle;
    }

    /**
     * A history's last season as states: its mean the level, no trend, each point's difference from the mean
     * its season (additive, so zeros and negative values are fine). Untrained, a network reading it forecasts
     * the last season repeated, seasonal naive.
     */
    static Decomposition lastSeason(double[] history, int period) {
        int n = history.length;
        double mean = 0;
        for (int k = 0; k < period; k++) {
            mean += history[n - period + k] / period;
        }
        double[] cycle = new double[period];
        for (int k = 0; k < period; k++) {
            cycle[k] = history[n - period + k] - mean;
        }
        return new Decomposition(mean, 0, 1, false, cycle);
    }

    /** The level and trend projected {@code steps} ahead of the origin (0: the level at the origin). */
    double base(int steps) {
        // phi + phi^2 + ... + phi^steps in closed form: a roll-out asks for every step up to its horizon.
        double damping = phi == 1 ? steps : phi * (1 - Math.pow(phi, steps)) / (1 - phi);
        return level + damping * trend;
    }

    /** The point at {@code offset} from the origin (0: the first one after it) with its season taken out. */
    double adjust(double value, int offset) {
        double season = season(offset);
        return multiplicative ? value / season : value - season;
    }

    /** The inverse of {@link #adjust}. */
    double restore(double adjusted, int offset) {
        double season = season(offset);
        return multiplicative ? adjusted * season : adjusted + season;
    }

    private double season(int offset) {
        return cycle[Math.floorMod(offset, cycle.length)];
    }
}
