package io.seqcast.engine.internal;

import io.seqcast.engine.Backtest;
import io.seqcast.engine.DisplacementErrors;
import io.seqcast.engine.PredictionIntervals;
import io.seqcast.engine.ValidationMetrics;
import java.util.ArrayList;
import java.util.List;

/** Forecast accuracy measures, in the data's own units. */
final class Accuracy {

    private Accuracy() {}

    /**
     * Mean absolute error of the seasonal naive forecast (the value one season earlier) over the first
     * {@code length} points of one feature; the naive forecast when the series is not longer than a season.
     */
    static double naiveScale(float[][] values, int length, int feature, int seasonalPeriod) {
        return PredictionIntervals.naiveScale(values, length, feature, seasonalPeriod);
    }

    /**
     * Metrics of forecasts against actuals.
     *
     * @param forecasts per window {@code [step][feature]}
     * @param actuals per window {@code [step][feature]}
     * @param scales per window and feature: the MASE denominator; entries of 0 are left out of MASE
     */
    static ValidationMetrics of(List<float[][]> forecasts, List<float[][]> actuals, List<double[]> scales) {
        double squares = 0;
        double absolutes = 0;
        double smape = 0;
        double scaled = 0;
        long points = 0;
        long smapePoints = 0;
        long scaledPoints = 0;
        for (int n = 0; n < forecasts.size(); n++) {
            float[][] forecast = forecasts.get(n);
            float[][] actual = actuals.get(n);
            double[] scale = scales.get(n);
            for (int t = 0; t < forecast.length; t++) {
                for (int f = 0; f < forecast[t].length; f++) {
                    double error = forecast[t][f] - actual[t][f];
                    squares += error * error;
                    absolutes += Math.abs(error);
                    points++;
                    double denominator = Math.abs(forecast[t][f]) + Math.abs(actual[t][f]);
                    if (denominator > 0) {
                        smape += 200 * Math.abs(error) / denominator;
                        smapePoints++;
                    }
                    if (scale[f] > 0) {
                        scaled += Math.abs(error) / scale[f];
                        scaledPoints++;
                    }
                }
            }
        }
        return new ValidationMetrics(
                Math.sqrt(squares / points),
                absolutes / points,
                smapePoints == 0 ? 0 : smape / smapePoints,
                scaledPoints == 0 ? 0 : scaled / scaledPoints,
                forecasts.size());
    }

    private static final double EARTH_RADIUS_KM = 6371.0;
    private static final String TIME_FEATURE = "t";

    /**
     * Per-step distance of forecast from actual points over the spatial features (all but {@code t}):
     * great-circle kilometres when {@code geographic} (x longitude, y latitude, in degrees).
     */
    static DisplacementErrors displacement(List<float[][]> forecasts, List<float[][]> actuals, List<String> features,
            boolean geographic) {
        int steps = forecasts.get(0).length;
        double[] sums = new double[steps];
        double[][] distances = new double[steps][forecasts.size()];
        int x = features.indexOf("x");
        int y = features.indexOf("y");
        for (int n = 0; n < forecasts.size(); n++) {
            for (int k = 0; k < steps; k++) {
                float[] p = forecasts.get(n)[k];
                float[] a = actuals.get(n)[k];
                distances[k][n] = geographic ? greatCircleKm(p[y], p[x], a[y], a[x]) : euclidean(p, a, features);
                sums[k] += distances[k][n];
            }
        }
        List<Double> perStep = new ArrayList<>(steps);
        double total = 0;
        for (int k = 0; k < steps; k++) {
            perStep.add(sums[k] / forecasts.size());
            total += sums[k] / forecasts.size();
        }
        return new DisplacementErrors(geographic ? "km" : "data units", total / steps, perStep.get(steps - 1), perStep,
                Backtest.Calibration.of(distances, Backtest.Calibration.Source.VALIDATION));
    }

    static double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double h = Math.pow(Math.sin((p2 - p1) / 2), 2)
                + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static double euclidean(float[] p, float[] a, List<String> features) {
        double sum = 0;
        for (int f = 0; f < features.size(); f++) {
            if (!TIME_FEATURE.equals(features.get(f))) {
                sum += (p[f] - a[f]) * (double) (p[f] - a[f]);
            }
        }
        return Math.sqrt(sum);
    }
}
