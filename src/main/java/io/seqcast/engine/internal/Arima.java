package io.seqcast.engine.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Seasonal ARIMA chosen as R's forecast::auto.arima chooses (Hyndman and Khandakar 2008): a seasonal
 * difference where the season is strong (seasonal strength above 0.64), then differences while a KPSS test
 * rejects level stationarity at 5 %; then a stepwise search over the AR and MA orders (and their seasonal
 * counterparts) by AICc, each model fitted by conditional sum of squares (Nelder-Mead; conditioned on its
 * own AR lags), stationary and invertible, with a mean or drift where at most one difference was taken.
 */
final class Arima {

    private static final int MAX_P = 3;
    private static final int MAX_Q = 3;
    private static final int MAX_SEASONAL = 1;
    /** Longest season modelled by seasonal terms; longer ones are adjusted before and restored after. */
    static final int MAX_SEASON = Ets.MAX_SEASON;
    /** KPSS's 5 % critical value for level stationarity (Kwiatkowski et al. 1992). */
    private static final double KPSS_CRITICAL = 0.463;
    private static final double SEASONAL_STRENGTH = 0.64;
    private static final int MAX_MODELS = 40;
    private static final int EVALUATIONS_PER_PARAMETER = 150;
    private static final double TOLERANCE = 1e-8;
    /** Latest points fitted, at most (as exponential smoothing): bounds the cost per series. */
    private static final int MAX_SEASONS_KEPT = 20;
    private static final int MIN_KEPT = 200;

    /** Orders: p, q, seasonal P, Q; and whether a mean (or drift) is fitted. */
    record Order(int p, int q, int seasonalP, int seasonalQ, boolean constant) {}

    private final double scale;
    private final double[] history;
    /** The series before each difference, the first being the history itself, and each difference's lag. */
    private final List<double[]> levels;
    private final int[] lags;
    private final Fitted fitted;

    private Arima(double scale, double[] history, List<double[]> levels, int[] lags, Fitted fitted) {
        this.scale = scale;
        this.history = history;
        this.levels = levels;
        this.lags = lags;
        this.fitted = fitted;
    }

    static Arima fit(double[] fullHistory, int period) {
        int keep = Math.max(MIN_KEPT, MAX_SEASONS_KEPT * period);
        double[] y = fullHistory.length <= keep ? fullHistory
                : Arrays.copyOfRange(fullHistory, fullHistory.length - keep, fullHistory.length);
        double scale = 0;
        for (double v : y) {
            scale += Math.abs(v) / y.length;
        }
        if (!(scale > 0)) {
            scale = 1;
        }
        double[] z = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            z[t] = y[t] / scale;
        }
        if (z.length == 0) {
            return new Arima(scale, new double[] {0}, List.of(), new int[0], null);
        }
        int m = period > 1 && period <= MAX_SEASON && z.length >= 3 * period ? period : 1;
        List<double[]> levels = new ArrayList<>();
        List<Integer> lags = new ArrayList<>();
        double[] w = z;
        if (m > 1 && seasonalStrength(w, m) > SEASONAL_STRENGTH) {
            levels.add(w);
            lags.add(m);
            w = difference(w, m);
        }
        for (int d = 0; d < 2 && w.length > 10 && kpss(w) > KPSS_CRITICAL; d++) {
            levels.add(w);
            lags.add(1);
            w = difference(w, 1);
        }
        int[] lagArray = lags.stream().mapToInt(Integer::intValue).toArray();
        Fitted best = search(w, m, lagArray.length <= 1);
        return new Arima(scale, z, levels, lagArray, best);
    }

    /** The differences taken, by lag (the season's, then 1 per regular difference). */
    int[] differences() {
        return lags.clone();
    }

    Order order() {
        return fitted == null ? null : fitted.order;
    }

    double[] forecast(int horizon) {
        // Nothing fitted: zero differences ahead (naive or seasonal naive), or the last value undifferenced.
        double[] w = fitted != null ? fitted.forecast(horizon) : new double[horizon];
        if (fitted == null && lags.length == 0) {
            Arrays.fill(w, history[history.length - 1]);
        }
        for (int k = lags.length - 1; k >= 0; k--) {
            double[] before = levels.get(k);
            int lag = lags[k];
            double[] integrated = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                double previous = h - lag >= 0 ? integrated[h - lag] : before[before.length - lag + h];
                integrated[h] = w[h] + previous;
            }
            w = integrated;
        }
        double[] forecast = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            forecast[h] = w[h] * scale;
        }
        return forecast;
    }

    /** Hyndman and Khandakar's stepwise search from four starting models, by AICc. */
    private static Fitted search(double[] w, int m, boolean constantAllowed) {
        int seasonalMax = m > 1 ? MAX_SEASONAL : 0;
        if (w.length < 10) {
            return null;
        }
        Map<Order, Fitted> fitted = new HashMap<>();
        List<Order> starts = List.of(
                new Order(Math.min(2, MAX_P), Math.min(2, MAX_Q), seasonalMax, seasonalMax, constantAllowed),
                new Order(0, 0, 0, 0, constantAllowed),
                new Order(1, 0, seasonalMax, 0, constantAllowed),
                new Order(0, 1, 0, seasonalMax, constantAllowed));
        Fitted best = null;
        for (Order order : starts) {
            best = better(best, fitted.computeIfAbsent(order, o -> Fitted.of(w, m, o)));
        }
        boolean improved = best != null;
        while (improved && fitted.size() < MAX_MODELS) {
            improved = false;
            for (Order next : neighbours(best.order, seasonalMax, constantAllowed)) {
                if (fitted.containsKey(next)) {
                    continue;
                }
                Fitted candidate = Fitted.of(w, m, next);
                fitted.put(next, candidate);
                if (better(best, candidate) != best) {
                    best = candidate;
                    improved = true;
                    break;
                }
            }
        }
        return best;
    }

    private static Fitted better(Fitted a, Fitted b) {
        if (b == null || !Double.isFinite(b.aicc)) {
            return a;
        }
        return a == null || b.aicc < a.aicc ? b : a;
    }

    private static List<Order> neighbours(Order o, int seasonalMax, boolean constantAllowed) {
        List<Order> next = new ArrayList<>();
        int[][] moves = {{1, 0, 0, 0}, {-1, 0, 0, 0}, {0, 1, 0, 0}, {0, -1, 0, 0}, {1, 1, 0, 0}, {-1, -1, 0, 0},
                {0, 0, 1, 0}, {0, 0, -1, 0}, {0, 0, 0, 1}, {0, 0, 0, -1}};
        for (int[] move : moves) {
            int p = o.p() + move[0];
            int q = o.q() + move[1];
            int sp = o.seasonalP() + move[2];
            int sq = o.seasonalQ() + move[3];
            if (p >= 0 && p <= MAX_P && q >= 0 && q <= MAX_Q && sp >= 0 && sp <= seasonalMax && sq >= 0
                    && sq <= seasonalMax) {
                next.add(new Order(p, q, sp, sq, o.constant()));
            }
        }
        if (constantAllowed) {
            next.add(new Order(o.p(), o.q(), o.seasonalP(), o.seasonalQ(), !o.constant()));
        }
        return next;
    }

    /** One order fitted to the differenced series by conditional sum of squares. */
    private static final class Fitted {
        final Order order;
        final int m;
        final double[] w;
        final double[] ar;
        final double[] ma;
        final double mean;
        final double[] residuals;
        final double aicc;

        private Fitted(Order order, int m, double[] w, double[] ar, double[] ma, double mean, double[] residuals,
                double aicc) {
            this.order = order;
            this.m = m;
            this.w = w;
            this.ar = ar;
            this.ma = ma;
            this.mean = mean;
            this.residuals = residuals;
            this.aicc = aicc;
        }

        static Fitted of(double[] w, int m, Order order) {
            int start = order.p() + order.seasonalP() * m;
            int k = order.p() + order.q() + order.seasonalP() + order.seasonalQ() + (order.constant() ? 1 : 0);
            int effective = w.length - start;
            if (effective - k - 2 <= 0) {
                return null;
            }
            double average = Arrays.stream(w).average().orElse(0);
            double spread = Math.sqrt(Arrays.stream(w).map(v -> (v - average) * (v - average)).sum() / w.length);
            double[] x0 = new double[k];
            double[] steps = new double[k];
            Arrays.fill(steps, 0.1);
            if (order.constant()) {
                x0[k - 1] = average;
                steps[k - 1] = 0.1 * Math.max(spread, 1e-6);
            }
            double[] residuals = new double[w.length];
            double[] x = k == 0 ? x0 : NelderMead.minimize(p -> sumOfSquares(w, m, start, order, p, residuals), x0,
                    steps, EVALUATIONS_PER_PARAMETER * k, TOLERANCE);
            double sse = sumOfSquares(w, m, start, order, x, residuals);
            if (!Double.isFinite(sse) || !(sse > 0)) {
                return null;
            }
            int parameters = k + 1; // and the innovations' variance
            double aicc = effective * Math.log(sse / effective) + 2.0 * parameters
                    + 2.0 * parameters * (parameters + 1) / (effective - parameters - 1);
            return new Fitted(order, m, w, arPolynomial(order, m, x), maPolynomial(order, m, x),
                    order.constant() ? x[k - 1] : 0, residuals.clone(), aicc);
        }

        /** The conditional sum of squared innovations from {@code start} on; infinite where not stationary or invertible. */
        static double sumOfSquares(double[] w, int m, int start, Order order, double[] x, double[] residuals) {
            int p = order.p();
            int q = order.q();
            if (!stationary(Arrays.copyOfRange(x, 0, p))
                    || !stationary(negated(Arrays.copyOfRange(x, p, p + q)))
                    || !stationary(Arrays.copyOfRange(x, p + q, p + q + order.seasonalP()))
                    || !stationary(negated(Arrays.copyOfRange(x, p + q + order.seasonalP(),
                            p + q + order.seasonalP() + order.seasonalQ())))) {
                return Double.POSITIVE_INFINITY;
            }
            double[] ar = arPolynomial(order, m, x);
            double[] ma = maPolynomial(order, m, x);
            double mean = order.constant() ? x[x.length - 1] : 0;
            Arrays.fill(residuals, 0);
            double sse = 0;
            for (int t = start; t < w.length; t++) {
                double predicted = mean;
                for (int i = 1; i < ar.length; i++) {
                    predicted += ar[i] * (w[t - i] - mean);
                }
                for (int j = 1; j < ma.length && t - j >= 0; j++) {
                    predicted += ma[j] * residuals[t - j];
                }
                residuals[t] = w[t] - predicted;
                sse += residuals[t] * residuals[t];
            }
            return sse;
        }

        double[] forecast(int horizon) {
            int n = w.length;
            double[] extended = Arrays.copyOf(w, n + horizon);
            double[] errors = Arrays.copyOf(residuals, n + horizon);
            for (int t = n; t < n + horizon; t++) {
                double predicted = mean;
                for (int i = 1; i < ar.length; i++) {
                    predicted += ar[i] * (t - i >= 0 ? extended[t - i] - mean : 0);
                }
                for (int j = 1; j < ma.length; j++) {
                    predicted += t - j >= 0 ? ma[j] * errors[t - j] : 0;
                }
                extended[t] = predicted;
            }
            return Arrays.copyOfRange(extended, n, n + horizon);
        }
    }

    /**
     * The AR coefficients of the product (1 - sum phi_i B^i)(1 - sum Phi_j B^jm), as the weights of past
     * values: index i holds the weight of lag i (index 0 unused).
     */
    static double[] arPolynomial(Order order, int m, double[] x) {
        double[] regular = lagPolynomial(x, 0, order.p(), 1, -1);
        double[] seasonal = lagPolynomial(x, order.p() + order.q(), order.seasonalP(), m, -1);
        double[] product = multiply(regular, seasonal);
        for (int i = 0; i < product.length; i++) {
            product[i] = -product[i];
        }
        return product;
    }

    /** The MA coefficients of (1 + sum theta_i B^i)(1 + sum Theta_j B^jm), index i for lag i. */
    static double[] maPolynomial(Order order, int m, double[] x) {
        double[] regular = lagPolynomial(x, order.p(), order.q(), 1, 1);
        double[] seasonal = lagPolynomial(x, order.p() + order.q() + order.seasonalP(), order.seasonalQ(), m, 1);
        return multiply(regular, seasonal);
    }

    private static double[] lagPolynomial(double[] x, int from, int count, int lag, int sign) {
        double[] polynomial = new double[count * lag + 1];
        polynomial[0] = 1;
        for (int i = 1; i <= count; i++) {
            polynomial[i * lag] = sign * x[from + i - 1];
        }
        return polynomial;
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] product = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                product[i + j] += a[i] * b[j];
            }
        }
        return product;
    }

    private static double[] negated(double[] x) {
        double[] negated = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            negated[i] = -x[i];
        }
        return negated;
    }

    /**
     * Whether x_t = sum phi_i x_(t-i) is stationary: every partial autocorrelation of the step-down
     * (reverse Durbin-Levinson) recursion inside (-1, 1), with a little margin.
     */
    static boolean stationary(double[] phi) {
        double[] a = phi.clone();
        for (int k = a.length; k >= 1; k--) {
            double r = a[k - 1];
            if (!(Math.abs(r) < 0.99)) {
                return false;
            }
            double[] b = new double[k - 1];
            for (int j = 1; j < k; j++) {
                b[j - 1] = (a[j - 1] + r * a[k - j - 1]) / (1 - r * r);
            }
            a = b;
        }
        return true;
    }

    static double[] difference(double[] y, int lag) {
        double[] d = new double[y.length - lag];
        for (int t = lag; t < y.length; t++) {
            d[t - lag] = y[t] - y[t - lag];
        }
        return d;
    }

    /** KPSS's level-stationarity statistic with Newey-West variance at lag trunc(4 (n / 100)^(1/4)). */
    static double kpss(double[] x) {
        int n = x.length;
        double mean = Arrays.stream(x).average().orElse(0);
        double[] e = new double[n];
        for (int t = 0; t < n; t++) {
            e[t] = x[t] - mean;
        }
        double partial = 0;
        double sumSquares = 0;
        for (int t = 0; t < n; t++) {
            partial += e[t];
            sumSquares += partial * partial;
        }
        int lags = (int) (4 * Math.pow(n / 100.0, 0.25));
        double variance = 0;
        for (int t = 0; t < n; t++) {
            variance += e[t] * e[t];
        }
        for (int l = 1; l <= lags; l++) {
            double covariance = 0;
            for (int t = l; t < n; t++) {
                covariance += e[t] * e[t - l];
            }
            variance += 2 * (1 - l / (lags + 1.0)) * covariance;
        }
        variance /= n;
        return variance > 0 ? sumSquares / ((double) n * n * variance) : 0;
    }

    /**
     * Wang, Smith and Hyndman's seasonal strength on a classical additive decomposition: one less the
     * remainder's variance over that of the season and remainder together.
     */
    static double seasonalStrength(double[] y, int period) {
        double[] trend = Seasonality.trendCycle(y, period);
        double[] indices = Seasonality.indices(y, period, false);
        int half = period / 2;
        List<Double> remainder = new ArrayList<>();
        List<Double> detrended = new ArrayList<>();
        for (int t = half; t < y.length - half; t++) {
            detrended.add(y[t] - trend[t]);
            remainder.add(y[t] - trend[t] - indices[t % period]);
        }
        double total = variance(detrended);
        return total > 0 ? Math.max(0, 1 - variance(remainder) / total) : 0;
    }

    private static double variance(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / Math.max(1, values.size());
    }
}
