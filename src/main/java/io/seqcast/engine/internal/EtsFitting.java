package io.seqcast.engine.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits one exponential smoothing form by maximum likelihood: Nelder-Mead over the smoothing weights and
 * initial states within the usual bounds (the initial season only on short histories, from classical
 * decomposition of the first seasons on longer ones), the likelihood from the form's recursions.
 */
final class EtsFitting {

    /**
     * Initial seasonal states are fitted with the rest up to this many seasons of history (where they
     * weigh on the fit), and taken from classical decomposition on longer ones: a third of the cost there.
     */
    private static final int FITTED_SEASON_HISTORY = 10;
    /** Objective evaluations per fitted parameter, at most: bounds the cost per form. */
    private static final int EVALUATIONS_PER_PARAMETER = 100;
    private static final double TOLERANCE = 1e-8;

    private EtsFitting() {}

    /** One form fitted, or null where the data is too short for its parameters. */
    static Ets fit(double[] z, int period, Ets.Form form, double scale) {
        int n = z.length;
        boolean hasTrend = form.trend() != Ets.Trend.NONE;
        boolean hasSeason = form.season() != Ets.Season.NONE;
        boolean damped = form.trend() == Ets.Trend.DAMPED;
        // Alpha and the initial level; beta and the initial trend; gamma; phi; as R's ets counts them.
        int free = 2 + (hasTrend ? 2 : 0) + (hasSeason ? 1 : 0) + (damped ? 1 : 0);
        int counted = free + (hasSeason ? period - 1 : 0) + 1; // initial seasons and the error's variance
        if (n <= counted + 3) {
            return null;
        }
        double[] seasons0 = hasSeason ? initialSeasons(z, period, form.season() == Ets.Season.MULTIPLICATIVE) : null;
        double[] start0 = initialLevelAndTrend(z, period, seasons0, form);
        double alpha = hasSeason ? Ets.LOW + 0.2 * (Ets.HIGH - Ets.LOW) / period : 0.2;
        List<Double> start = new ArrayList<>(List.of(alpha));
        List<Double> steps = new ArrayList<>(List.of(0.1));
        if (hasTrend) {
            start.add(0.1 * alpha);
            steps.add(0.5 * alpha); // beta stays below alpha: a larger step would leave the bounds
        }
        if (hasSeason) {
            start.add(0.05 * (1 - alpha));
            steps.add(0.05);
        }
        if (damped) {
            start.add(Ets.PHI_LOW + 0.99 * (Ets.PHI_HIGH - Ets.PHI_LOW));
            steps.add(-0.05);
        }
        start.add(start0[0]);
        steps.add(0.1 * Math.max(Math.abs(start0[0]), 0.1));
        if (hasTrend) {
            start.add(start0[1]);
            steps.add(0.1 * Math.max(Math.abs(start0[1]), 0.01));
        }
        if (hasSeason && n <= FITTED_SEASON_HISTORY * period) {
            for (int k = 0; k < period - 1; k++) {
                start.add(seasons0[k]);
                steps.add(form.season() == Ets.Season.MULTIPLICATIVE ? 0.05 : 0.05 * Math.max(Math.abs(seasons0[k]), 0.1));
            }
        }
        double[] x0 = start.stream().mapToDouble(Double::doubleValue).toArray();
        double[] step = steps.stream().mapToDouble(Double::doubleValue).toArray();
        EtsParameters parameters = new EtsParameters(form, period, seasons0);
        double[] x = NelderMead.minimize(p -> parameters.read(p) ? run(z, period, form, parameters, null) : Double.POSITIVE_INFINITY,
                x0, step, EVALUATIONS_PER_PARAMETER * x0.length, TOLERANCE);
        if (!parameters.read(x)) {
            return null;
        }
        double[] end = new double[3];
        double likelihood = run(z, period, form, parameters, end);
        if (!Double.isFinite(likelihood)) {
            return null;
        }
        double aicc = likelihood + 2.0 * counted + 2.0 * counted * (counted + 1) / (n - counted - 1);
        // The error variance as R's ets estimates it: squares over the points less the parameters.
        return new Ets(form, period, scale, parameters, end[2] / (n - counted), end, n, aicc);
    }

    /**
     * Runs the recursions over {@code z}: minus twice the log-likelihood (less constants), or infinity where a
     * state leaves its domain. With {@code end}, leaves the last level, trend and the sum of squared (relative)
     * errors there and the last seasonal states in {@code p.seasons0}. The states update alike for both errors; only the likelihood differs.
     */
    private static double run(double[] z, int period, Ets.Form form, EtsParameters p, double[] end) {
        double level = p.level0;
        double trend = p.trend0;
        double[] seasons = end != null || p.seasons0 == null ? p.seasons0 : p.seasons0.clone();
        boolean multiplicativeSeason = form.season() == Ets.Season.MULTIPLICATIVE;
        double squares = 0;
        double logs = 0;
        double product = 1;
        for (int t = 0; t < z.length; t++) {
            double base = level + p.phi * trend;
            double season = seasons == null ? 0 : seasons[t % period];
            double mean = Ets.withSeason(form.season(), base, season);
            if (form.multiplicativeError() && !(mean > 0) || multiplicativeSeason && !(base > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            double error = z[t] - mean;
            if (form.multiplicativeError()) {
                double relative = error / mean;
                squares += relative * relative;
                // A logarithm per point is most of a step's time: multiply, and take it once in a while.
                product *= mean;
                if (product > 1e150 || product < 1e-150) {
                    logs += Math.log(product);
                    product = 1;
                }
            } else {
                squares += error * error;
            }
            double divisor = multiplicativeSeason ? season : 1;
            level = base + p.alpha * error / divisor;
            trend = p.phi * trend + p.beta * error / divisor;
            if (seasons != null) {
                seasons[t % period] = season + p.gamma * error / (multiplicativeSeason ? base : 1);
            }
        }
        if (end != null) {
            end[0] = level;
            end[1] = trend;
            end[2] = squares;
        }
        // An exact fit (a constant, a line) would score minus infinity and be lost to the optimiser.
        double likelihood = z.length * Math.log(Math.max(squares, 1e-300)) + 2 * (logs + Math.log(product));
        return Double.isNaN(likelihood) ? Double.POSITIVE_INFINITY : likelihood;
    }

    /** The initial seasonal states, from classical decomposition of the first (at most three) seasons. */
    static double[] initialSeasons(double[] z, int period, boolean multiplicative) {
        int points = Math.min(z.length, 3 * period);
        return Seasonality.indices(Arrays.copyOf(z, points), period, multiplicative);
    }

    /** Level and trend before the first point: a line through the first (seasonally adjusted) points. */
    static double[] initialLevelAndTrend(double[] z, int period, double[] seasons, Ets.Form form) {
        int points = Math.min(Math.max(10, 2 * period), z.length);
        double[] adjusted = new double[points];
        for (int t = 0; t < points; t++) {
            adjusted[t] = seasons == null ? z[t]
                    : form.season() == Ets.Season.MULTIPLICATIVE ? z[t] / seasons[t % period] : z[t] - seasons[t % period];
        }
        if (form.trend() == Ets.Trend.NONE) {
            return new double[] {Arrays.stream(adjusted).average().orElse(0), 0};
        }
        return Baselines.line(adjusted, points);
    }
}
