package io.seqcast.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * Prediction intervals around a model's forecasts, from the conformal calibration of its backtest: at step
 * h and level p, the forecast plus and minus the calibrated scaled error times the history's own scale (its
 * in-sample seasonal naive error), so that one model serves series of any level and spread; a history
 * without variation (constant) takes the training series' typical scale instead. The point forecast always
 * lies inside; a feature never negative in training nor in the history has no negative bound.
 */
public final class PredictionIntervals {

    private PredictionIntervals() {}

    /**
     * The forecasts with their intervals at {@code levels} and their {@code quantiles}. A quantile q is a bound
     * of the central interval at level |2q - 1| (the lower below 0.5, the upper above it); 0.5 is the point
     * forecast.
     *
     * @param quantiles each in (0, 1)
     * @throws InvalidInputException ({@code levels}) when the model has no calibration, a level is outside
     *     (0, 99] or has too few cases, or the horizon is longer than the calibrated one
     */
    public static List<Forecast> around(ModelManifest manifest, List<float[][]> histories, List<float[][]> forecasts,
            List<Double> levels, List<Double> quantiles) {
        Set<Double> needed = new LinkedHashSet<>(levels);
        for (double quantile : quantiles) {
            if (quantile != 0.5) {
                needed.add(level(quantile));
            }
        }
        List<Double> computed = List.copyOf(needed);
        List<List<Forecast.Interval>> intervals = computed.isEmpty() ? null : of(manifest, histories, forecasts, computed);
        List<Forecast> out = new ArrayList<>(forecasts.size());
        for (int i = 0; i < forecasts.size(); i++) {
            List<Forecast.Interval> byLevel = new ArrayList<>(levels.size());
            for (double level : levels) {
                byLevel.add(intervals.get(i).get(computed.indexOf(level)));
            }
            List<Forecast.Quantile> byQuantile = new ArrayList<>(quantiles.size());
            for (double quantile : quantiles) {
                float[][] values = quantile == 0.5 ? forecasts.get(i) : quantile < 0.5
                        ? intervals.get(i).get(computed.indexOf(level(quantile))).lower()
                        : intervals.get(i).get(computed.indexOf(level(quantile))).upper();
                byQuantile.add(new Forecast.Quantile(quantile, values));
            }
            out.add(new Forecast(forecasts.get(i), byLevel, byQuantile, List.of()));
        }
        return out;
    }

    /** Trajectory forecasts with, per level, the radius around each predicted point (the same for every one). */
    public static List<Forecast> withRadii(ModelManifest manifest, List<float[][]> forecasts, List<Double> levels) {
        List<Forecast.Radius> radii = radii(manifest, forecasts.isEmpty() ? 0 : forecasts.get(0).length, levels);
        return forecasts.stream().map(values -> new Forecast(values, List.of(), List.of(), radii)).toList();
    }

    private static double level(double quantile) {
        return Math.abs(2 * quantile - 1) * 100;
    }

    /**
     * The intervals of every forecast at every level.
     *
     * @throws InvalidInputException ({@code levels}) when the model has no calibration, a level is outside
     *     (0, 99], or the horizon is longer than the calibrated one
     */
    public static List<List<Forecast.Interval>> of(ModelManifest manifest, List<float[][]> histories,
            List<float[][]> forecasts, List<Double> levels) {
        Backtest backtest = manifest.backtest();
        if (backtest == null || backtest.calibration() == null) {
            throw new InvalidInputException("levels", "this version has nothing to calibrate intervals with (trained"
                    + " with networkOnly on series too short to score, on constant series, or before backtests)");
        }
        Backtest.Calibration calibration = backtest.calibration();
        requireCalibrated(calibration, levels);
        // Manifests written before sources were kept were calibrated on their backtests.
        Backtest.Calibration.Source source = calibration.source() != null ? calibration.source()
                : Backtest.Calibration.Source.BACKTEST;
        int horizon = forecasts.isEmpty() ? 0 : forecasts.get(0).length;
        if (horizon > backtest.horizon()) {
            throw new InvalidInputException("levels", "intervals are calibrated up to the model's horizon ("
                    + backtest.horizon() + " steps); ask for at most that many, or none");
        }
        List<List<Forecast.Interval>> out = new ArrayList<>(forecasts.size());
        for (int i = 0; i < forecasts.size(); i++) {
            float[][] history = histories.get(i);
            float[][] forecast = forecasts.get(i);
            int features = forecast[0].length;
            double[] scales = new double[features];
            boolean[] floored = new boolean[features];
            for (int f = 0; f < features; f++) {
                floored[f] = FeatureScaling.floorsAtZero(manifest.normalization(), history, f);
            }
            double[] typical = calibration.trainingScales();
            for (int f = 0; f < features; f++) {
                scales[f] = naiveScale(history, history.length, f, manifest.seasonalPeriod());
                if (!(scales[f] > 0) && typical != null && f < typical.length) {
                    scales[f] = typical[f];
                }
            }
            List<Forecast.Interval> intervals = new ArrayList<>(levels.size());
            for (double level : levels) {
                float[][] lower = new float[forecast.length][features];
                float[][] upper = new float[forecast.length][features];
                for (int h = 0; h < forecast.length; h++) {
                    double width = calibration.halfWidth(h, level);
                    for (int f = 0; f < features; f++) {
                        float half = (float) (width * scales[f]);
                        lower[h][f] = Math.min(forecast[h][f], forecast[h][f] - half);
                        upper[h][f] = Math.max(forecast[h][f], forecast[h][f] + half);
                        if (floored[f]) {
                            lower[h][f] = Math.max(0, lower[h][f]);
                        }
                    }
                }
                intervals.add(new Forecast.Interval(level, lower, upper, source));
            }
            out.add(intervals);
        }
        return out;
    }

    /**
     * For trajectories: at each level, the radius around each of the {@code horizon} predicted points that
     * held the true point in that share of the validation windows (in the unit of the model's displacement
     * errors: km for geographic data).
     *
     * @throws InvalidInputException ({@code levels}) as for series
     */
    public static List<Forecast.Radius> radii(ModelManifest manifest, int horizon, List<Double> levels) {
        DisplacementErrors displacement = manifest.metrics() == null ? null : manifest.metrics().displacement();
        Backtest.Calibration calibration = displacement == null ? null : displacement.radii();
        if (calibration == null) {
            throw new InvalidInputException("levels", "this version has no validation windows to calibrate radii"
                    + " with (or was trained before radii were kept): retrain it");
        }
        requireCalibrated(calibration, levels);
        if (horizon > calibration.quantiles().length) {
            throw new InvalidInputException("levels", "radii are calibrated up to the model's horizon ("
                    + calibration.quantiles().length + " steps); ask for at most that many, or none");
        }
        List<Forecast.Radius> out = new ArrayList<>(levels.size());
        for (double level : levels) {
            float[] radius = new float[horizon];
            for (int h = 0; h < horizon; h++) {
                radius[h] = (float) calibration.halfWidth(h, level);
            }
            out.add(new Forecast.Radius(level, radius));
        }
        return out;
    }

    private static void requireCalibrated(Backtest.Calibration calibration, List<Double> levels) {
        for (double level : levels) {
            if (!(level > 0 && level <= Backtest.Calibration.MAX_LEVEL)) {
                throw new InvalidInputException("levels", "levels are percentages above 0 and at most "
                        + Backtest.Calibration.MAX_LEVEL + ", got " + level);
            }
            if (!calibration.calibrates(level)) {
                throw new InvalidInputException("levels", String.format(Locale.ROOT, "a %s %% interval needs at least"
                        + " %d calibration cases (per step, or over every step together); this version has %d per step"
                        + " (validation windows, or backtest origins x series): train on more or longer series, or"
                        + " ask for a lower level", level, Backtest.Calibration.casesFor(level), calibration.cases()));
            }
        }
    }

    /**
     * The mean absolute error of the seasonal naive forecast over the first {@code length} points (the naive
     * one when the history is not longer than a season): MASE's denominator.
     */
    public static double naiveScale(float[][] values, int length, int feature, int seasonalPeriod) {
        int m = length > seasonalPeriod ? seasonalPeriod : 1;
        double sum = 0;
        for (int t = m; t < length; t++) {
            sum += Math.abs(values[t][feature] - values[t - m][feature]);
        }
        return length > m ? sum / (length - m) : 0;
    }
}
