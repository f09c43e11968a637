package io.seqcast.engine;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the season of data that came without one: the lag of the strongest autocorrelation peak of
 * the series less its linear trend (of its logarithm for positive data) above a white-noise bound (strict
 * 99 % at the seasons of calendar sampling; at other lags one that holds over all the hundreds scanned), moved to the smallest divisor that carries most of that
 * correlation in the series and in its differences (12 rather than 24), and confirmed by the M4 benchmarks' 90 % test on the differenced
 * series, which a random walk's slow swings do not pass. Several series vote.
 */
public final class Seasons {

    /** Series examined, at most, evenly spread: bounds the cost for many series. */
    private static final int MAX_SERIES = 32;
    /** Latest points examined per series. */
    private static final int MAX_POINTS = 2000;
    private static final int MAX_PERIOD = 366;
    /** One-sided 95 % (1.645) and 99 % (2.326) normal quantiles: the M4 test is two-sided 90 %. */
    private static final double SEASONAL_Z = 1.645;
    private static final double SCAN_Z = 2.326;
    private static final double NEAR = 0.02;

    private Seasons() {}

    /** The season the data shows, 1 for none. */
    public static int detect(SequenceData data) {
        Map<Integer, Integer> votes = new TreeMap<>();
        int n = data.sequences().size();
        int examined = Math.min(n, MAX_SERIES);
        for (int k = 0; k < examined; k++) {
            float[][] values = data.sequences().get((int) ((long) k * n / examined)).values();
            double[] y = new double[Math.min(values.length, MAX_POINTS)];
            for (int t = 0; t < y.length; t++) {
                y[t] = values[values.length - y.length + t][0];
            }
            votes.merge(detect(y), 1, Integer::sum);
        }
        int best = 1;
        int most = 0;
        for (Map.Entry<Integer, Integer> vote : votes.entrySet()) {
            if (vote.getValue() > most) {
                best = vote.getKey();
                most = vote.getValue();
            }
        }
        return best;
    }

    static int detect(double[] y) {
        if (y.length < 16) {
            return 1;
        }
        double[] d = clipped(detrended(y));
        int maxLag = Math.min(d.length / 3, MAX_PERIOD);
        if (maxLag < 2) {
            return 1;
        }
        double[] acf = autocorrelations(d, maxLag + 1);
        int best = 1;
        for (int p = 2; p <= maxLag; p++) {
            if (peak(acf, p) && acf[p] > scanLimit(p, d.length, maxLag) && (best == 1 || acf[p] > acf[best])) {
                best = p;
            }
        }
        double[] differences = clipped(differenced(y));
        // A divisor must carry the correlation in the differences too: a smooth series' levels also peak at
        // half its season (a quarterly season's lag 2), its differences do not.
        double[] changes = best > 2 ? autocorrelations(differences, best) : null;
        for (int q = 2; q < best; q++) {
            if (best % q == 0 && nearPeak(acf, q) && acf[q] >= 0.8 * acf[best] && acf[q] > scanLimit(q, d.length, maxLag)
                    && changes[q] >= 0.8 * changes[best]) {
                best = q;
                break;
            }
        }
        return best > 1 && confirmed(differences, best) ? best : 1;
    }

    /**
     * The season shows in the differenced series too, which a random walk's slow swings do not: by the M4
     * test, or, with fewer than six seasons (where Bartlett's bound, inflated by the season's own short
     * lags, hides it), above white noise's 95 % bound.
     */
    private static boolean confirmed(double[] differences, int period) {
        if (significant(differences, period)) {
            return true;
        }
        if (differences.length < 3 * period || differences.length >= 6 * period) {
            return false;
        }
        return autocorrelations(differences, period)[period] > SEASONAL_Z / Math.sqrt(differences.length);
    }

    /**
     * Values beyond 5 robust standard deviations (1.4826 MAD) of the median pulled back to that bound: one
     * wild point otherwise dominates every autocorrelation and hides a plain season.
     */
    private static double[] clipped(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        double[] deviations = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            deviations[t] = Math.abs(x[t] - median);
        }
        Arrays.sort(deviations);
        double bound = 5 * 1.4826 * deviations[deviations.length / 2];
        if (!(bound > 0)) {
            return x;
        }
        double[] out = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            out[t] = Math.max(median - bound, Math.min(median + bound, x[t]));
        }
        return out;
    }

    private static double[] differenced(double[] y) {
        boolean positive = Arrays.stream(y).allMatch(v -> v > 0);
        double[] d = new double[y.length - 1];
        for (int t = 1; t < y.length; t++) {
            d[t - 1] = positive ? Math.log(y[t]) - Math.log(y[t - 1]) : y[t] - y[t - 1];
        }
        return d;
    }

    /** The series (its logarithm when positive) less its least-squares line. */
    private static double[] detrended(double[] y) {
        boolean positive = Arrays.stream(y).allMatch(v -> v > 0);
        int n = y.length;
        double[] z = new double[n];
        double meanT = (n - 1) / 2.0;
        double meanZ = 0;
        for (int t = 0; t < n; t++) {
            z[t] = positive ? Math.log(y[t]) : y[t];
            meanZ += z[t] / n;
        }
        double covariance = 0;
        double variance = 0;
        for (int t = 0; t < n; t++) {
            covariance += (t - meanT) * (z[t] - meanZ);
            variance += (t - meanT) * (t - meanT);
        }
        double slope = covariance / variance;
        for (int t = 0; t < n; t++) {
            z[t] -= meanZ + slope * (t - meanT);
        }
        return z;
    }

    /**
     * The 90 % test of the M4 benchmarks: the autocorrelation at the seasonal lag exceeds 1.645 standard
     * errors (Bartlett's, from the autocorrelations below it). Needs three seasons.
     */
    public static boolean significant(double[] y, int period) {
        if (period < 2 || y.length < 3 * period) {
            return false;
        }
        double[] acf = autocorrelations(y, period);
        return acf[period] > limit(acf, period, y.length);
    }

    private static boolean peak(double[] acf, int p) {
        return acf[p] > acf[p - 1] && (p + 1 >= acf.length || acf[p] >= acf[p + 1]);
    }

    /** A peak, or within a hair of one (noise may tip a season's lag below its neighbour). */
    private static boolean nearPeak(double[] acf, int p) {
        return acf[p] >= acf[p - 1] - NEAR && (p + 1 >= acf.length || acf[p] >= acf[p + 1] - NEAR);
    }

    /**
     * White noise's bound at a lag (Bartlett's would hide a smooth season's lag): the strict 99 % one at the
     * seasons calendar sampling makes (quarters, weekdays, a week of days, months, a day of hours, half-hours,
     * quarter-hours or five minutes, a year of weeks, a week of hours or half-hours, a year of days); at any
     * other lag, one that holds 5 % over all the lags scanned, or with a few hundred lags noise would always
     * show some season (half of 600-point noise series did).
     */
    private static double scanLimit(int lag, int n, int lags) {
        return (CALENDAR_PERIODS.contains(lag) ? SCAN_Z : upperNormalQuantile(SCAN_FAMILY_LEVEL / lags)) / Math.sqrt(n);
    }

    private static final java.util.Set<Integer> CALENDAR_PERIODS =
            java.util.Set.of(4, 5, 7, 12, 24, 48, 52, 96, 168, 288, 336, 365, 366);
    private static final double SCAN_FAMILY_LEVEL = 0.05;

    /** The z with P(Z > z) = {@code p} for p in (0, 0.5] (Abramowitz and Stegun 26.2.23, error below 4.5e-4). */
    static double upperNormalQuantile(double p) {
        double t = Math.sqrt(-2 * Math.log(p));
        return t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
    }

    private static double limit(double[] acf, int lag, int n) {
        double sum = 0;
        for (int k = 1; k < lag; k++) {
            sum += acf[k] * acf[k];
        }
        return SEASONAL_Z * Math.sqrt((1 + 2 * sum) / n);
    }

    static double[] autocorrelations(double[] y, int maxLag) {
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double variance = 0;
        for (double v : y) {
            variance += (v - mean) * (v - mean);
        }
        double[] acf = new double[maxLag + 1];
        for (int k = 0; k <= maxLag && k < n; k++) {
            double sum = 0;
            for (int t = k; t < n; t++) {
                sum += (y[t] - mean) * (y[t - k] - mean);
            }
            acf[k] = variance == 0 ? 0 : sum / variance;
        }
        return acf;
    }
}
