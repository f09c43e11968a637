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
     * the ceil((cases + 1) p)-th smallest error: an interval of that width around a forecast, times the
     * history's own scale, covers at least p of new cases like them.
     *
     * <p>A step's own cases calibrate a level only when there are enough of them ({@link #casesFor}); above
     * that, the steps are pooled (normalised conformal prediction): each error is divided by its step's mean
     * error, the quantile is taken over every step's cases together and multiplied back by the step's mean.
     * A model of one short series then still gets a 95 % interval from its few origins, shaped like its
     * errors grow, and never narrower than the step's widest error. Widths never shrink from one step to
     * the next.
     *
     * @param cases scored cases (origin, series and feature) per step
     * @param quantiles {@code [step][p - 1]} for p = 1 .. 99
     * @param stepScales the mean scaled error at each step; null in manifests written before pooling
     * @param pooled {@code [p - 1]}: the quantiles of the errors divided by their step's mean, over every
     *     step's cases; null in manifests written before pooling
     * @param source where the errors come from; null in manifests written before there was a choice
     * @param trainingScales per feature, the median in-sample seasonal naive error of the training series: what
     *     scales the intervals of a history without any variation of its own (a constant one), which would
     *     otherwise be zero wide; null for radii and in manifests written before it was kept
     */
    public record Calibration(int cases, double[][] quantiles, double[] stepScales, double[] pooled, Source source,
            double[] trainingScales) {

        public static final int MAX_LEVEL = 99;

        /** Where a calibration's errors come from. */
        public enum Source {
            /** Forecasts scored on rolling origins of the training data, out of sample. */
            BACKTEST,
            /**
             * Sample paths simulated from exponential smoothing fitted to each whole training series: for series
             * too short to score enough origins, the model's own account of its uncertainty.
             */
            MODEL,
            /** Forecasts of the validation windows, out of sample: the radii of trajectories. */
            VALIDATION
        }

        /** The calibration of backtest errors given as {@code [step][case]} (sorted in place). */
        public static Calibration of(double[][] errors) {
            return of(errors, Source.BACKTEST);
        }

        /** The calibration of errors given as {@code [step][case]} (sorted in place). */
        public static Calibration of(double[][] errors, Source source) {
            int cases = errors.length == 0 ? 0 : errors[0].length;
            double[][] quantiles = new double[errors.length][];
            double[] stepScales = new double[errors.length];
            double[] normalised = new double[errors.length * cases];
            for (int h = 0; h < errors.length; h++) {
                double mean = java.util.Arrays.stream(errors[h]).average().orElse(0);
                stepScales[h] = mean;
                for (int k = 0; k < cases; k++) {
                    normalised[h * cases + k] = mean > 0 ? errors[h][k] / mean : 0;
                }
                quantiles[h] = quantiles(errors[h]);
            }
            // Uncertainty does not shrink further ahead: a step's width is at least the one before it, which
            // also smooths the noise of few cases per step.
            for (int h = 1; h < errors.length; h++) {
                stepScales[h] = Math.max(stepScales[h], stepScales[h - 1]);
                for (int p = 0; p < MAX_LEVEL; p++) {
                    quantiles[h][p] = Math.max(quantiles[h][p], quantiles[h - 1][p]);
                }
            }
            return new Calibration(cases, quantiles, stepScales, quantiles(normalised), source, null);
        }

        /** This calibration with the training series' typical scales. */
        public Calibration withTrainingScales(double[] scales) {
            return new Calibration(cases, quantiles, stepScales, pooled, source, scales);
        }

        /**
         * Every width at least {@code other}'s and this one's: step by step, level by level, pooled too. The
         * cases stay this calibration's own, so the levels it can calibrate do not grow.
         */
        public Calibration atLeast(Calibration other) {
            double[][] widest = new double[quantiles.length][];
            double[] scales = stepScales.clone();
            for (int h = 0; h < quantiles.length; h++) {
                widest[h] = quantiles[h].clone();
                for (int p = 0; p < widest[h].length; p++) {
                    widest[h][p] = Math.max(widest[h][p], other.quantiles[h][p]);
                }
                scales[h] = Math.max(scales[h], other.stepScales[h]);
            }
            double[] pooledWidest = pooled == null ? other.pooled : pooled.clone();
            if (pooled != null && other.pooled != null) {
                for (int p = 0; p < pooledWidest.length; p++) {
                    pooledWidest[p] = Math.max(pooled[p], other.pooled[p]);
                }
            }
            return new Calibration(cases, widest, scales, pooledWidest, source, trainingScales);
        }

        /** The conformal quantiles at 1 .. 99 % of {@code scores} (sorted in place). */
        private static double[] quantiles(double[] scores) {
            java.util.Arrays.sort(scores);
            double[] quantiles = new double[MAX_LEVEL];
            for (int p = 1; p <= MAX_LEVEL && scores.length > 0; p++) {
                int rank = (int) Math.ceil((scores.length + 1) * p / 100.0);
                quantiles[p - 1] = scores[Math.min(scores.length, rank) - 1];
            }
            return quantiles;
        }

        /** Cases needed for a calibrated interval at {@code level} percent: ceil((n + 1) p) <= n. */
        public static int casesFor(double level) {
            double p = Math.ceil(level - 1e-9) / 100;
            return (int) Math.ceil(p / (1 - p) - 1e-9);
        }

        /**
         * Cases a pooled level needs per step, at the least: the scores of one origin's steps move together,
         * so a few origins pooled over many steps are fewer independent cases than they count.
         */
        public static final int MIN_POOLED_CASES = 5;

        /** Whether intervals at {@code level} can be calibrated: per step, or with the steps pooled. */
        public boolean calibrates(double level) {
            int needed = casesFor(level);
            return cases >= needed
                    || pooled != null && cases >= MIN_POOLED_CASES && (long) cases * quantiles.length >= needed;
        }

        /** The scaled half-width of the central interval at {@code level} percent (in (0, 99]) at a step. */
        public double halfWidth(int step, double level) {
            int p = Math.min(MAX_LEVEL, Math.max(1, (int) Math.ceil(level - 1e-9)));
            if (cases >= casesFor(level) || pooled == null) {
                return quantiles[step][p - 1];
            }
            // Never narrower than the step's own widest error, so that a higher level is never narrower.
            return Math.max(pooled[p - 1] * stepScales[step], quantiles[step][p - 1]);
        }
    }
}
