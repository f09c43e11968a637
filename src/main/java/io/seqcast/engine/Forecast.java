package io.seqcast.engine;

import java.util.List;

/**
 * One sequence's forecast: the point forecast at each step and, where asked for, what the model's
 * calibration says around it. Arrays are {@code [step][feature]}.
 *
 * @param values the point forecast
 * @param intervals central prediction intervals, one per level asked for (series)
 * @param quantiles quantile forecasts, one per quantile asked for (series)
 * @param radii per level asked for, the radius around each predicted point (trajectories)
 */
public record Forecast(float[][] values, List<Interval> intervals, List<Quantile> quantiles, List<Radius> radii) {

    public Forecast {
        intervals = List.copyOf(intervals);
        quantiles = List.copyOf(quantiles);
        radii = List.copyOf(radii);
    }

    /** The point forecast alone. */
    public static Forecast of(float[][] values) {
        return new Forecast(values, List.of(), List.of(), List.of());
    }

    /**
     * A central interval at {@code level} percent; the point forecast lies inside.
     *
     * @param calibration what its width was calibrated on: the version's backtest errors, or its model's
     *     sample paths (series too short to backtest)
     */
    public record Interval(double level, float[][] lower, float[][] upper, Backtest.Calibration.Source calibration) {}

    /** The forecast at quantile {@code quantile} (0.5 is the point forecast). */
    public record Quantile(double quantile, float[][] values) {}

    /** The radius at each step around the predicted point that holds the true one with {@code level} percent. */
    public record Radius(double level, float[] radii) {}
}
