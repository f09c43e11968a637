package io.seqcast.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a version's forecasts fared on rolling origins at the end of its training data, step by step: the
 * model as it forecasts (its blend) and every candidate, each built-in baseline among them. The origins
 * are those the blend was chosen on, so the model's own figures are optimistic by that choice; the
 * baselines' are not.
 *
 * @param origins forecast origins scored (series x origin)
 * @param horizon steps ahead scored, the horizon the version was trained for
 * @param model the members the model forecasts with (its blend)
 * @param scores per forecaster ({@code MODEL}, {@code NETWORK} where it was scored, each baseline), the
 *     figures at each step ahead
 * @param calibration the model's scaled absolute errors, from which prediction intervals are built
 */
public record Backtest(int origins, int horizon, List<String> model, Map<String, Steps> scores,
        Calibration calibration) {

    public static final String MODEL = "MODEL";

    public Backtest {
        model = List.copyOf(model);
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    /**
     * Errors at each step ahead, averaged over the origins (and features).
     *
     * @param mase mean absolute error scaled by the in-sample seasonal naive error before each origin
     * @param smape symmetric mean absolute percentage error, in percent (0 to 200)
     * @param rmse root mean squared error, in the data's units
     */
    public record Steps(double[] mase, double[] smape, double[] rmse) {}

    /**
     * Split-conformal calibration of the model's errors: at each step ahead, the absolute error divided by
     * the in-sample seasonal naive error (as MASE scales it), at levels 1 to 99 %. The value at level p is
     * the ceil((cases + 1) p)-th smallest error, the largest where there are too few cases: an interval of
     * that width around a forecast, times the history's own scale, covers at least p of new cases like them.
     *
     * @param cases scored cases (origin, series and feature) per step
     * @param quantiles {@code [step][p - 1]} for p = 1 .. 99
     */
    public record Calibration(int cases, double[][] quantiles) {

        public static final int MAX_LEVEL = 99;

        /** The calibration of errors given as {@code [step][case]} (sorted in place). */
        public static Calibration of(double[][] errors) {
            int cases = errors.length == 0 ? 0 : errors[0].length;
            double[][] quantiles = new double[errors.length][MAX_LEVEL];
            for (int h = 0; h < errors.length; h++) {
                java.util.Arrays.sort(errors[h]);
                for (int p = 1; p <= MAX_LEVEL; p++) {
                    int rank = (int) Math.ceil((cases + 1) * p / 100.0);
                    quantiles[h][p - 1] = errors[h][Math.min(cases, rank) - 1];
                }
            }
            return new Calibration(cases, quantiles);
        }

        /** Cases needed for a calibrated interval at {@code level} percent: ceil((n + 1) p) <= n. */
        public static int casesFor(double level) {
            double p = Math.ceil(level - 1e-9) / 100;
            return (int) Math.ceil(p / (1 - p) - 1e-9);
        }

        /** The scaled half-width of the central interval at {@code level} percent (in (0, 99]) at a step. */
        public double halfWidth(int step, double level) {
            int p = (int) Math.ceil(level - 1e-9);
            return quantiles[step][Math.min(MAX_LEVEL, Math.max(1, p)) - 1];
        }
    }
}
