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
    /** Points per coefficient, at the least: an order is tried only where the data can support it. */
    private static final int POINTS_PER_ORDER = 8;

    private Autoregression() {}

    /** The forecast of {@code horizon} steps; the last value repeated where the history is too short to fit. */
    static double[] forecast(double[] y, int horizon) {
        int n = y.length;
        int maxOrder = Math.min(MAX_ORDER, (n - 2) / POINTS_PER_ORDER);
        Fit best = null;
        for (int d = 0; d <= 1 && maxOrder >= 1; d++) {
            double[] z = d == 0 ? y : differences(y);
            for (int p = 1; p <= maxOrder; p++) {
                // The first maxOrder + 1 points only condition every fit, so that all score the same points.
                Fit fit = Fit.of(z, d, p, maxOrder + 1 - d);
                if (fit != null && (best == null || fit.aicc < best.aicc)) {
                    best = fit;
                }
            }
        }
        double[] forecast = new double[horizon];
        if (best == null) {
            Arrays.fill(forecast, y[n - 1]);
            return forecast;
        }
        double[] z = best.d == 0 ? y : differences(y);
        double[] extended = Arrays.copyOf(z, z.length + horizon);
        double level = y[n - 1];
        for (int h = 0; h < horizon; h++) {
            double next = best.coefficients[0];
            for (int i = 1; i < best.coefficients.length; i++) {
                next += best.coefficients[i] * extended[z.length + h - i];
            }
            extended[z.length + h] = next;
            level = best.d == 0 ? next : level + next;
            forecast[h] = level;
        }
        return forecast;
    }

    /** One order and differencing fitted: the constant first, then a coefficient per lag; its AICc. */
    private record Fit(int d, double[] coefficients, double aicc) {

        /** AR({@code p}) fitted to {@code z} from index {@code from} on; null where singular or not stationary. */
        static Fit of(double[] z, int d, int p, int from) {
            int k = p + 1;
            double[][] normal = new double[k][k + 1];
            double[] row = new double[k];
            for (int t = from; t < z.length; t++) {
                regressors(z, t, p, row);
                for (int a = 0; a < k; a++) {
                    normal[a][k] += row[a] * z[t];
                    for (int b = 0; b < k; b++) {
                        normal[a][b] += row[a] * row[b];
                    }
                }
            }
            double[] coefficients = solve(normal);
            if (coefficients == null || !stationary(Arrays.copyOfRange(coefficients, 1, k))) {
                return null;
            }
            double sse = 0;
            for (int t = from; t < z.length; t++) {
                regressors(z, t, p, row);
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
            return new Fit(d, coefficients, aicc);
        }

        private static void regressors(double[] z, int t, int p, double[] row) {
            row[0] = 1;
            for (int i = 1; i <= p; i++) {
                row[i] = z[t - i];
            }
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

    private static double[] differences(double[] y) {
        double[] d = new double[y.length - 1];
        for (int t = 1; t < y.length; t++) {
            d[t - 1] = y[t] - y[t - 1];
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
