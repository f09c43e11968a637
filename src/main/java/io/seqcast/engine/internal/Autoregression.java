package io.seqcast.engine.internal;

import java.util.Arrays;

/**
 * An autoregression, the non-seasonal part of what R's auto.arima fits: AR(p) with a constant on the
 * series or on its first differences (the constant then a drift), fitted by least squares. The order (1 to
 * {@value #MAX_ORDER}) and the differencing are chosen together by AICc on the one-step errors in the
 * series' own units over a common sample, so that both are compared on the same points; fits whose
 * recursion is not stationary are skipped, so that no forecast explodes over a long horizon. Where
 * exponential smoothing's level-and-trend forms miss a series that reverts to its mean or oscillates (an
 * El Niño index, a business cycle), this follows it (bench/README.md).
 */
final class Autoregression {

    static final int MAX_ORDER = 5;
    /** Seasons of history the seasonal form needs, at the least. */
    static final int MIN_SEASONS = 3;
    /** Points per coefficient, at the least: an order is tried only where the data can support it. */
    private static final int POINTS_PER_ORDER = 8;

    private Autoregression() {}

    /** The forecast of {@code horizon} steps; the last value repeated where the history is too short to fit. */
    static double[] forecast(double[] y, int horizon) {
        int n = y.length;
        int maxOrder = Math.min(MAX_ORDER, (n - 2) / POINTS_PER_ORDER);
        Fit best = null;
        for (int d = 0; d <= 1 && maxOrder >= 1; d++) {
            double[] z = d == 0 ? y : differences(y, 1);
            for (int p = 1; p <= maxOrder; p++) {
                // The first maxOrder + 1 points only condition every fit, so that all score the same points.
                best = better(best, Fit.of(z, d, lags(p, 0), true, maxOrder + 1 - d));
            }
        }
        double[] forecast = new double[horizon];
        if (best == null) {
            Arrays.fill(forecast, y[n - 1]);
            return forecast;
        }
        return best.rollOut(y, horizon);
    }

    /**
     * The seasonal counterpart, what auto.arima fits to a seasonal series: AR(p) on the series' seasonal
     * differences (or on their first differences), with a seasonal autoregressive term at lag {@code period}
     * where the data supports it, so that a season that drifts from year to year is followed rather than
     * averaged out. A constant (a seasonal drift) only without first differences, as auto.arima. Order 0 without
     * the seasonal term is seasonal naive with a drift (or without, differenced). Seasonal naive where the
     * history holds fewer than {@value #MIN_SEASONS} seasons.
     */
    static double[] seasonal(double[] y, int period, int horizon) {
        int n = y.length;
        if (period < 2 || n < MIN_SEASONS * period) {
            return Baselines.seasonalNaive(y, period, horizon);
        }
        double[] w = differences(y, period);
        int maxOrder = Math.min(MAX_ORDER, (w.length - 2) / POINTS_PER_ORDER);
        // The seasonal term wants a season of lags conditioned on and enough points left to score.
        boolean seasonalTerm = w.length - period - 2 >= POINTS_PER_ORDER * (maxOrder + 1);
        int conditioned = (seasonalTerm ? Math.max(maxOrder, period) : maxOrder) + 1;
        Fit best = null;
        for (int d = 0; d <= 1; d++) {
            double[] z = d == 0 ? w : differences(w, 1);
            for (int seasonalOrder = 0; seasonalOrder <= (seasonalTerm ? 1 : 0); seasonalOrder++) {
                for (int p = 0; p <= maxOrder; p++) {
                    best = better(best, Fit.of(z, d, lags(p, seasonalOrder * period), d == 0, conditioned - d));
                }
            }
        }
        if (best == null) {
            return Baselines.seasonalNaive(y, period, horizon);
        }
        double[] changes = best.rollOut(w, horizon);
        double[] forecast = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            forecast[h] = (h < period ? y[n - period + h] : forecast[h - period]) + changes[h];
        }
        return forecast;
    }

    private static Fit better(Fit best, Fit fit) {
        return fit != null && (best == null || fit.aicc < best.aicc) ? fit : best;
    }

    /** Lags 1 to {@code order}, and {@code seasonal} where it is past them (0: none). */
    private static int[] lags(int order, int seasonal) {
        int[] lags = new int[order + (seasonal > order ? 1 : 0)];
        for (int i = 0; i < order; i++) {
            lags[i] = i + 1;
        }
        if (seasonal > order) {
            lags[order] = seasonal;
        }
        return lags;
    }
    /**
     * One set of lags and differencing fitted, by least squares: the constant first (where there is one), then
     * a coefficient per lag; its AICc.
     */
    private record Fit(int d, int[] lags, boolean constant, double[] coefficients, double aicc) {

        /**
         * {@code lags} fitted to {@code z} from index {@code from} on, with a constant or without; null where
         * singular or not stationary.
         */
        static Fit of(double[] z, int d, int[] lags, boolean constant, int from) {
            int k = lags.length + (constant ? 1 : 0);
            double[][] normal = new double[k][k + 1];
            double[] row = new double[k];
            for (int t = from; t < z.length; t++) {
                regressors(z, t, lags, constant, row);
                for (int a = 0; a < k; a++) {
                    normal[a][k] += row[a] * z[t];
                    for (int b = 0; b < k; b++) {
                        normal[a][b] += row[a] * row[b];
                    }
                }
            }
            double[] coefficients = solve(normal);
            if (coefficients == null || !stationary(polynomial(lags, coefficients, constant))) {
                return null;
            }
            double sse = 0;
            for (int t = from; t < z.length; t++) {
                regressors(z, t, lags, constant, row);
                double predicted = 0;
                for (int a = 0; a < k; a++) {
                    predicted += coefficients[a] * row[a];
                }
                sse += (z[t] - predicted) * (z[t] - predicted);
            }
            int count = z.length - from;
            int parameters = k + 1; // and the error variance
            if (count - parameters - 1 <= 0 || !(sse > 0)) {
                return null;
            }
            double aicc = count * Math.log(sse / count) + 2.0 * parameters
                    + 2.0 * parameters * (parameters + 1) / (count - parameters - 1);
            return new Fit(d, lags, constant, coefficients, aicc);
        }

        /** The forecast of {@code base}, the series whose differences ({@code d} of them) this fit reads. */
        double[] rollOut(double[] base, int horizon) {
            double[] z = d == 0 ? base : differences(base, 1);
            double[] extended = Arrays.copyOf(z, z.length + horizon);
            double level = base[base.length - 1];
            double[] forecast = new double[horizon];
            int first = constant ? 1 : 0;
            for (int h = 0; h < horizon; h++) {
                double next = constant ? coefficients[0] : 0;
                for (int i = 0; i < lags.length; i++) {
                    next += coefficients[first + i] * extended[z.length + h - lags[i]];
                }
                extended[z.length + h] = next;
                level = d == 0 ? next : level + next;
                forecast[h] = level;
            }
            return forecast;
        }

        private static void regressors(double[] z, int t, int[] lags, boolean constant, double[] row) {
            int first = constant ? 1 : 0;
            if (constant) {
                row[0] = 1;
            }
            for (int i = 0; i < lags.length; i++) {
                row[first + i] = z[t - lags[i]];
            }
        }

        /** The recursion's coefficients by lag, 1 to the largest, zero where no lag is fitted. */
        private static double[] polynomial(int[] lags, double[] coefficients, boolean constant) {
            double[] polynomial = new double[lags.length == 0 ? 0 : lags[lags.length - 1]];
            for (int i = 0; i < lags.length; i++) {
                polynomial[lags[i] - 1] = coefficients[i + (constant ? 1 : 0)];
            }
            return polynomial;
        }
    }

    /**
     * Whether the recursion y[t] = sum a[i] y[t - 1 - i] is stationary: every partial autocorrelation inside
     * (-1, 1), found by running the Levinson-Durbin recursion backwards.
     */
    static boolean stationary(double[] a) {
        double[] phi = a.clone();
        for (int p = phi.length; p >= 1; p--) {
            double reflection = phi[p - 1];
            if (!(Math.abs(reflection) < 1)) {
                return false;
            }
            double[] lower = new double[p - 1];
            double scale = 1 - reflection * reflection;
            for (int i = 0; i < p - 1; i++) {
                lower[i] = (phi[i] + reflection * phi[p - 2 - i]) / scale;
            }
            phi = lower;
        }
        return true;
    }

    /** y[t] - y[t - lag]. */
    private static double[] differences(double[] y, int lag) {
        double[] d = new double[y.length - lag];
        for (int t = lag; t < y.length; t++) {
            d[t - lag] = y[t] - y[t - lag];
        }
        return d;
    }

    /** Gauss-Jordan elimination with partial pivoting of an augmented system; null where singular. */
    private static double[] solve(double[][] augmented) {
        int k = augmented.length;
        for (int c = 0; c < k; c++) {
            int pivot = c;
            for (int r = c + 1; r < k; r++) {
                if (Math.abs(augmented[r][c]) > Math.abs(augmented[pivot][c])) {
                    pivot = r;
                }
            }
            if (!(Math.abs(augmented[pivot][c]) > 1e-12 * (1 + Math.abs(augmented[c][c])))) {
                return null;
            }
            double[] swap = augmented[c];
            augmented[c] = augmented[pivot];
            augmented[pivot] = swap;
            for (int r = 0; r < k; r++) {
                if (r != c) {
                    double factor = augmented[r][c] / augmented[c][c];
                    for (int j = c; j <= k; j++) {
                        augmented[r][j] -= factor * augmented[c][j];
                    }
                }
            }
        }
        double[] x = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = augmented[i][k] / augmented[i][i];
        }
        return x;
    }
}
