package io.seqcast.engine.internal;

import io.seqcast.engine.ValidationMetrics;
import java.util.List;

/** Forecast accuracy measures, in the data's own units. */
final class Accuracy {

    private Accuracy() {}

    /**
     * Mean absolute error of the seasonal naive forecast (the value one season earlier) over the first
     * {@code length} points of one feature; the naive forecast when the series is not longer than a season.
     */
    static double naiveScale(float[][] values, int length, int feature, int seasonalPeriod) {
        int m = length > seasonalPeriod ? seasonalPeriod : 1;
        double sum = 0;
        for (int t = m; t < length; t++) {
            sum += Math.abs(values[t][feature] - values[t - m][feature]);
        }
        return length > m ? sum / (length - m) : 0;
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
}
