package io.seqcast.engine.internal;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Classical forecasts of one univariate history, the M4 competition's benchmarks (Makridakis et al.
 * 2018): seasonal naive, and on the seasonally adjusted history naive, drift, simple exponential
 * smoothing, damped-trend (Holt) exponential smoothing and the Theta method, re-seasonalized, fitted by
 * small grids on the one-step in-sample error; exponential smoothing in state-space form ({@link Ets}),
 * its forms averaged by Akaike weights; and an autoregression ({@link Autoregression}) on the seasonally
 * adjusted history. Deterministic, and cheap enough to run per series at forecast time.
 */
final class Baselines {

    /**
     * A baseline, by the name the manifest gives it. {@code ETS} is exponential smoothing's form of lowest
     * AICc alone: versions trained before {@code ETS_AVERAGED} forecast with it, and still do; it is no
     * longer a candidate.
     */
    enum Method {
        SEASONAL_NAIVE, NAIVE, DRIFT, SES, DAMPED, THETA, ETS, ETS_AVERAGED, AR;

        /** The baselines validation chooses from. */
        static List<Method> candidates() {
            return java.util.Arrays.stream(values()).filter(method -> method != ETS).toList();
        }

        boolean smoothing() {
            return this == ETS || this == ETS_AVERAGED;
        }
    }

    /** Only the latest points are fitted: bounds the cost per series at forecast time. */
    static final int MAX_HISTORY = 1000;
    private static final double[] SES_ALPHAS = grid(0.02, 1.0, 0.02);
    private static final double[] DAMPED_ALPHAS = {0.1, 0.3, 0.5, 0.7, 0.9};
    private static final double[] DAMPED_BETAS = {0.02, 0.1, 0.3};
    private static final double[] DAMPED_PHIS = {0.8, 0.9, 0.98};

    private Baselines() {}

    static double[] forecast(Method method, double[] history, int period, int horizon) {
        return fit(history, period).forecast(method, horizon);
    }

    /** One history made ready for every method: trimmed, seasonally adjusted, its SES weight fitted once. */
    static Fit fit(double[] fullHistory, int period) {
        return fit(fullHistory, period, false);
    }

    /**
     * As {@link #fit(double[], int)}, and with {@code boxCox} on the history's Box-Cox transform where every
     * value is positive, the forecasts transformed back ({@link BoxCox}).
     */
    static Fit fit(double[] fullHistory, int period, boolean boxCox) {
        double[] history = fullHistory.length <= MAX_HISTORY ? fullHistory
                : java.util.Arrays.copyOfRange(fullHistory, fullHistory.length - MAX_HISTORY, fullHistory.length);
        BoxCox transform = boxCox ? BoxCox.of(history, period) : null;
        return transform == null ? new Fit(history, period, null, null)
                : new Fit(transform.forward(history), period, transform, history);
    }

    /**
     * The work the methods share, done once per history however many of them forecast it (and, kept in a
     * {@link FitCache}, however many requests ask about it).
     */
    static final class Fit {
        private final double[] history;
        private final int period;
        /** The transform {@code history} went through, and the values it came from (both null for none). */
        private final BoxCox transform;
        private final double[] original;
        /** The untransformed fit, made only where a transformed forecast cannot be transformed back. */
        private Fit untransformed;
        private Seasonality season;
        private double[] adjusted;
        private double alpha = Double.NaN;
        private EtsAverage ets;

        private Fit(double[] history, int period, BoxCox transform, double[] original) {
            this.history = history;
            this.period = period;
            this.transform = transform;
            this.original = original;
        }

        /** Whether the history fitted is a Box-Cox transform of the one given. */
        boolean transformed() {
            return transform != null;
        }

        /**
         * Points held: the history fitted; on a transformed history also the values it came from, and room for
         * the untransformed fit a forecast may need.
         */
        int length() {
            return transform == null ? history.length : 3 * history.length;
        }

        /**
         * The method's forecast. On a transformed history, transformed back; a step that cannot be is the
         * method's forecast of the untransformed history at that step, so that a step's value never depends on
         * how far ahead is asked.
         */
        synchronized double[] forecast(Method method, int horizon) {
            double[] forecast = fitted(method, horizon);
            if (transform == null) {
                return forecast;
            }
            double[] back = transform.inverse(forecast);
            double[] plain = null;
            for (int h = 0; h < horizon; h++) {
                if (Double.isNaN(back[h])) {
                    if (plain == null) {
                        untransformed = untransformed != null ? untransformed : new Fit(original, period, null, null);
                        plain = untransformed.forecast(method, horizon);
                    }
                    back[h] = plain[h];
                }
            }
            return back;
        }

        private double[] fitted(Method method, int horizon) {
            if (method == Method.SEASONAL_NAIVE) {
                return seasonalNaive(history, period, horizon);
            }
            if (method.smoothing() && period <= Ets.MAX_SEASON) {
                return smoothing(method, horizon);
            }
            if (season == null) {
                season = Seasonality.of(history, period);
                adjusted = season.adjust(history);
            }
            double[] forecast = switch (method) {
                case NAIVE -> constant(adjusted[adjusted.length - 1], horizon);
                case DRIFT -> drift(adjusted, horizon);
                case SES -> constant(ses(adjusted, alpha()), horizon);
                case DAMPED -> damped(adjusted, horizon);
                case THETA -> theta(adjusted, alpha(), horizon);
                case AR -> Autoregression.forecast(adjusted, horizon);
                case ETS, ETS_AVERAGED -> { // the season too long for a state: adjusted before, restored after
                    ets = ets != null ? ets : Ets.fit(adjusted, 1);
                    yield smoothing(method, horizon);
                }
                case SEASONAL_NAIVE -> throw new IllegalStateException("handled above");
            };
            return season.restore(forecast, history.length);
        }

        /**
         * Exponential smoothing's states at the end of the history: its best form's (a season of at most
         * {@link Ets#MAX_SEASON}). A history with a season but too short for smoothing to fit it is described
         * by its last season instead, so that a network reading its windows without the season still finds one.
         */
        synchronized Decomposition decomposition() {
            untransformedOnly();
            if (period > Ets.MAX_SEASON) {
                throw new IllegalStateException("a season of " + period + " is not fitted as a state");
            }
            if (period > 1 && history.length < Ets.seasonalLength(period) && history.length >= period) {
                return Decomposition.lastSeason(history, period);
            }
            return smoothing().best().end();
        }

        private double[] smoothing(Method method, int horizon) {
            return method == Method.ETS ? smoothing().best().forecast(horizon) : smoothing().forecast(horizon);
        }

        /** Exponential smoothing fitted to the history, once (a season of at most {@link Ets#MAX_SEASON}). */
        private EtsAverage smoothing() {
            if (ets == null) {
                ets = Ets.fit(history, period);
            }
            return ets;
        }

        /**
         * How far sample paths of exponential smoothing's best form ({@link EtsAverage#paths}) stray from that
         * form's own forecast, step by step, through the same seasonal adjustment as the forecast where the
         * season is too long for a state.
         */
        synchronized List<double[]> etsDeviations(int horizon, int count, RandomGenerator random) {
            untransformedOnly();
            forecast(Method.ETS, horizon);
            double[] centre = restored(ets.best().forecast(horizon));
            return ets.paths(horizon, count, random).stream().map(path -> {
                double[] deviations = restored(path);
                for (int h = 0; h < horizon; h++) {
                    deviations[h] -= centre[h];
                }
                return deviations;
            }).toList();
        }

        /** States and deviations are on the scale of the history fitted: a network or an interval reads them untransformed. */
        private void untransformedOnly() {
            if (transform != null) {
                throw new IllegalStateException("a transformed history's states are not the series'");
            }
        }

        private double[] restored(double[] path) {
            return period <= Ets.MAX_SEASON ? path.clone() : season.restore(path, history.length);
        }

        private double alpha() {
            if (Double.isNaN(alpha)) {
                alpha = bestAlpha(adjusted);
            }
            return alpha;
        }
    }

    static double[] seasonalNaive(double[] history, int period, int horizon) {
        int m = period > 1 && history.length >= period ? period : 1;
        double[] forecast = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            forecast[h] = history[history.length - m + h % m];
        }
        return forecast;
    }

    private static double[] drift(double[] y, int horizon) {
        int n = y.length;
        double slope = n > 1 ? (y[n - 1] - y[0]) / (n - 1) : 0;
        double[] forecast = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            forecast[h] = y[n - 1] + (h + 1) * slope;
        }
        return forecast;
    }

    /** The last level of simple exponential smoothing with {@code alpha}. */
    private static double ses(double[] y, double alpha) {
        double level = y[0];
        for (int t = 1; t < y.length; t++) {
            level += alpha * (y[t] - level);
        }
        return level;
    }

    private static double bestAlpha(double[] y) {
        double best = Double.POSITIVE_INFINITY;
        double bestAlpha = 1;
        for (double alpha : SES_ALPHAS) {
            double level = y[0];
            double sse = 0;
            for (int t = 1; t < y.length; t++) {
                double error = y[t] - level;
                sse += error * error;
                level += alpha * error;
            }
            if (sse < best) {
                best = sse;
                bestAlpha = alpha;
            }
        }
        return bestAlpha;
    }

    private static double[] damped(double[] y, int horizon) {
        if (y.length < 3) {
            return constant(y[y.length - 1], horizon);
        }
        double best = Double.POSITIVE_INFINITY;
        double[] bestState = {y[y.length - 1], 0};
        double bestPhi = 0.9;
        for (double alpha : DAMPED_ALPHAS) {
            for (double beta : DAMPED_BETAS) {
                for (double phi : DAMPED_PHIS) {
                    double level = y[0];
                    double trend = y[1] - y[0];
                    double sse = 0;
                    for (int t = 1; t < y.length; t++) {
                        double predicted = level + phi * trend;
                        double error = y[t] - predicted;
                        sse += error * error;
                        double previous = level;
                        level = predicted + alpha * error;
                        trend = phi * trend + beta * (level - previous - phi * trend);
                    }
                    if (sse < best) {
                        best = sse;
                        bestState = new double[] {level, trend};
                        bestPhi = phi;
                    }
                }
            }
        }
        double[] forecast = new double[horizon];
        double damping = 0;
        double power = 1;
        for (int h = 0; h < horizon; h++) {
            power *= bestPhi;
            damping += power;
            forecast[h] = bestState[0] + damping * bestState[1];
        }
        return forecast;
    }

    /** Hyndman and Billah's form: SES plus half the slope of the linear trend. */
    private static double[] theta(double[] y, double alpha, int horizon) {
        int n = y.length;
        double level = ses(y, alpha);
        double slope = line(y, n)[1];
        double[] forecast = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            forecast[h] = level + slope / 2 * (h + (1 - Math.pow(1 - alpha, n)) / alpha);
        }
        return forecast;
    }

    /**
     * The least-squares line through the first {@code points} values against t = 1, 2, ...: its value at
     * t = 0 and its slope (0 for a single point).
     */
    static double[] line(double[] y, int points) {
        double meanT = (points + 1) / 2.0;
        double meanY = 0;
        for (int t = 0; t < points; t++) {
            meanY += y[t];
        }
        meanY /= points;
        double covariance = 0;
        double variance = 0;
        for (int t = 0; t < points; t++) {
            covariance += (t + 1 - meanT) * (y[t] - meanY);
            variance += (t + 1 - meanT) * (t + 1 - meanT);
        }
        double slope = variance == 0 ? 0 : covariance / variance;
        return new double[] {meanY - slope * meanT, slope};
    }

    private static double[] constant(double value, int horizon) {
        double[] forecast = new double[horizon];
        java.util.Arrays.fill(forecast, value);
        return forecast;
    }

    private static double[] grid(double from, double to, double step) {
        int count = (int) Math.round((to - from) / step) + 1;
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = from + i * step;
        }
        return values;
    }
}
