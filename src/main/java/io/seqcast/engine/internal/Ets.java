package io.seqcast.engine.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Exponential smoothing in state-space form (Hyndman, Koehler, Ord and Snyder 2008; R's forecast::ets):
 * additive or multiplicative error, no, additive or damped trend, no, additive or multiplicative season.
 * Each form's smoothing weights and initial states are fitted by maximum likelihood ({@link EtsFitting});
 * {@link EtsAverage} weighs the forms by AICc. Multiplicative forms only for positive data, and no additive
 * error with a multiplicative season (infinite variance), as R restricts by default.
 */
final class Ets {

    /** Longest season fitted as a state (as R's ets); longer ones are adjusted before and restored after. */
    static final int MAX_SEASON = 24;
    /**
     * Latest points fitted, at most: this many seasons, or MIN_KEPT points. Bounds the cost per series, and
     * on the real series fitted no worse than the whole history (bench/README.md).
     */
    private static final int MAX_SEASONS_KEPT = 20;
    private static final int MIN_KEPT = 200;
    static final double LOW = 1e-4;
    static final double HIGH = 0.9999;
    static final double PHI_LOW = 0.8;
    static final double PHI_HIGH = 0.98;

    enum Trend { NONE, ADDITIVE, DAMPED }

    enum Season { NONE, ADDITIVE, MULTIPLICATIVE }

    /** A model form: ETS(error, trend, season) in Hyndman's notation. */
    record Form(boolean multiplicativeError, Trend trend, Season season) {}

    private final Form form;
    private final int period;
    /** The data's mean absolute value: the model runs on the data divided by it, so that one set of optimiser steps suits any scale. */
    private final double scale;
    private final double phi;
    private final double alpha;
    private final double beta;
    private final double gamma;
    /** Variance of the one-step errors (relative ones for a multiplicative error), on the data divided by scale. */
    private final double variance;
    private final double level;
    private final double trend;
    /** Seasonal states by position in the season (position 0: the first point of the history). */
    private final double[] seasons;
    private final int length;
    private final double aicc;

    Ets(Form form, int period, double scale, EtsParameters parameters, double variance, double[] end,
            int length, double aicc) {
        this.form = form;
        this.period = period;
        this.scale = scale;
        this.phi = parameters.phi;
        this.alpha = parameters.alpha;
        this.beta = parameters.beta;
        this.gamma = parameters.gamma;
        this.variance = variance;
        this.level = end[0];
        this.trend = end[1];
        this.seasons = parameters.seasons0;
        this.length = length;
        this.aicc = aicc;
    }

    /**
     * Every form that can be fitted to the latest points of a history, weighted by AICc; a season only for
     * 1 < period <= MAX_SEASON.
     */
    static EtsAverage fit(double[] fullHistory, int period) {
        int keep = Math.max(MIN_KEPT, MAX_SEASONS_KEPT * period);
        double[] y = fullHistory.length <= keep ? fullHistory
                : Arrays.copyOfRange(fullHistory, fullHistory.length - keep, fullHistory.length);
        double scale = 0;
        boolean positive = true;
        for (double v : y) {
            scale += Math.abs(v) / y.length;
            positive &= v > 0;
        }
        if (!(scale > 0)) {
            scale = 1;
        }
        double[] z = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            z[t] = y[t] / scale;
        }
        boolean seasonal = period > 1 && period <= MAX_SEASON && y.length >= seasonalLength(period);
        List<Ets> fitted = new ArrayList<>();
        for (Form form : forms(positive, seasonal)) {
            Ets candidate = EtsFitting.fit(z, seasonal ? period : 1, form, scale);
            if (candidate != null) {
                fitted.add(candidate);
            }
        }
        return EtsAverage.of(fitted.isEmpty() ? List.of(lastValue(z, scale)) : fitted);
    }

    double aicc() {
        return aicc;
    }

    /**
     * Too short for any form's parameters: the last value, as simple smoothing with a weight of 1, its error
     * the spread of the steps seen (none for a single point).
     */
    private static Ets lastValue(double[] z, double scale) {
        Form form = new Form(false, Trend.NONE, Season.NONE);
        EtsParameters parameters = new EtsParameters(form, 1, null);
        parameters.alpha = 1;
        double squares = 0;
        for (int t = 1; t < z.length; t++) {
            squares += (z[t] - z[t - 1]) * (z[t] - z[t - 1]);
        }
        return new Ets(form, 1, scale, parameters, z.length > 1 ? squares / (z.length - 1) : 0,
                new double[] {z.length == 0 ? 0 : z[z.length - 1], 0}, z.length, Double.POSITIVE_INFINITY);
    }

    /** Points a history needs for a season of {@code period} to be fitted as a state. */
    static int seasonalLength(int period) {
        return 2 * period + 2;
    }

    static List<Form> forms(boolean positive, boolean seasonal) {
        List<Form> forms = new ArrayList<>();
        for (boolean multiplicativeError : positive ? new boolean[] {false, true} : new boolean[] {false}) {
            for (Trend trend : Trend.values()) {
                for (Season season : Season.values()) {
                    boolean allowed = season == Season.NONE
                            || seasonal && (season == Season.ADDITIVE || positive && multiplicativeError);
                    if (allowed) {
                        forms.add(new Form(multiplicativeError, trend, season));
                    }
                }
            }
        }
        return forms;
    }

    Form form() {
        return form;
    }

    double[] forecast(int horizon) {
        double[] forecast = new double[horizon];
        double damping = 0;
        double power = 1;
        for (int h = 0; h < horizon; h++) {
            power *= phi;
            damping += form.trend() == Trend.ADDITIVE ? 1 : power;
            double base = level + damping * trend;
            double season = seasons == null ? 0 : seasons[(length + h) % period];
            forecast[h] = withSeason(form.season(), base, season) * scale;
        }
        return forecast;
    }

    /** The states at the end of the history fitted, in the data's units. */
    Decomposition end() {
        return decomposition(level, trend, seasonCycle(seasons, length));
    }

    /**
     * This form's states along {@code history}, the whole of it (not only the latest points fitted), from
     * initial states taken from its first points as the fit's starting values are: a network trains on windows
     * that end anywhere in a series.
     */
    Track track(double[] history) {
        int n = history.length;
        double[] z = new double[n];
        for (int t = 0; t < n; t++) {
            z[t] = history[t] / scale;
        }
        boolean multiplicativeSeason = form.season() == Season.MULTIPLICATIVE;
        double[] seasons = this.seasons == null ? null : trackedSeasons(z, multiplicativeSeason);
        double[] start = EtsFitting.initialLevelAndTrend(z, period, seasons, form);
        double[] levels = new double[n + 1];
        double[] trends = new double[n + 1];
        double[] written = seasons == null ? null : new double[n];
        double[] initial = seasons == null ? null : seasons.clone();
        levels[0] = start[0];
        trends[0] = form.trend() == Trend.NONE ? 0 : start[1];
        for (int t = 0; t < n; t++) {
            double base = levels[t] + phi * trends[t];
            double season = seasons == null ? 0 : seasons[t % period];
            double error = z[t] - withSeason(form.season(), base, season);
            boolean valid = Double.isFinite(error) && (!multiplicativeSeason || base > 0 && season > 0);
            double divisor = multiplicativeSeason ? season : 1;
            levels[t + 1] = valid ? base + alpha * error / divisor : base;
            trends[t + 1] = phi * trends[t] + (valid ? beta * error / divisor : 0);
            if (seasons != null) {
                if (valid) {
                    seasons[t % period] = season + gamma * error / (multiplicativeSeason ? base : 1);
                }
                written[t] = seasons[t % period];
            }
        }
        return origin -> {
            if (written == null) {
                return decomposition(levels[origin], trends[origin], null);
            }
            double[] current = new double[period];
            for (int q = 0; q < period; q++) {
                // The latest state of position q written before the origin, or the initial one.
                int last = origin - 1 - Math.floorMod(origin - 1 - q, period);
                current[q] = last >= 0 ? written[last] : initial[q];
            }
            return decomposition(levels[origin], trends[origin], seasonCycle(current, origin));
        };
    }

    /** A form's states along a history, read at any origin (0: before its first point). */
    @FunctionalInterface
    interface Track {
        Decomposition at(int origin);
    }

    /** Seasonal states by position (0: the first point), as a cycle by offset from the point after {@code origin - 1}. */
    private double[] seasonCycle(double[] byPosition, int origin) {
        if (byPosition == null) {
            return new double[] {0};
        }
        boolean multiplicative = form.season() == Season.MULTIPLICATIVE;
        double[] cycle = new double[period];
        for (int k = 0; k < period; k++) {
            double state = byPosition[(origin + k) % period];
            cycle[k] = multiplicative ? state : state * scale;
        }
        return cycle;
    }

    private Decomposition decomposition(double level, double trend, double[] cycle) {
        double[] seasonal = cycle == null ? new double[] {0} : cycle;
        return new Decomposition(level * scale, form.trend() == Trend.NONE ? 0 : trend * scale,
                form.trend() == Trend.DAMPED ? phi : 1, form.season() == Season.MULTIPLICATIVE, seasonal);
    }

    /**
     * Initial seasonal states for a track, from the first seasons; none (all 1 or 0) where they cannot be
     * decomposed: a form fitted to the latest points may be multiplicative where the series began at zero.
     */
    private double[] trackedSeasons(double[] z, boolean multiplicative) {
        double[] none = new double[period];
        Arrays.fill(none, multiplicative ? 1 : 0);
        if (z.length < 2 * period) {
            return none;
        }
        double[] initial = EtsFitting.initialSeasons(z, period, multiplicative);
        for (double season : initial) {
            if (!Double.isFinite(season) || multiplicative && !(season > 0)) {
                return none;
            }
        }
        return initial;
    }

    /**
     * {@code count} sample paths of the next {@code horizon} points: the model's recursions run on, each step's
     * error drawn from a normal distribution of the fitted variance (as R's simulate.ets). Their spread around
     * {@link #forecast} is the model's own uncertainty, wider further ahead as smoothing carries errors on. A
     * path whose states leave their domain (a multiplicative form driven to zero) is left out.
     */
    List<double[]> paths(int horizon, int count, RandomGenerator random) {
        double deviation = Math.sqrt(variance);
        boolean multiplicativeSeason = form.season() == Season.MULTIPLICATIVE;
        List<double[]> paths = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            double level = this.level;
            double trend = this.trend;
            double[] seasons = this.seasons == null ? null : this.seasons.clone();
            double[] path = new double[horizon];
            boolean valid = true;
            for (int h = 0; h < horizon && valid; h++) {
                double base = level + phi * trend;
                int position = (length + h) % period;
                double season = seasons == null ? 0 : seasons[position];
                double mean = withSeason(form.season(), base, season);
                double error = form.multiplicativeError() ? mean * deviation * random.nextGaussian()
                        : deviation * random.nextGaussian();
                path[h] = (mean + error) * scale;
                double divisor = multiplicativeSeason ? season : 1;
                level = base + alpha * error / divisor;
                trend = phi * trend + beta * error / divisor;
                if (seasons != null) {
                    seasons[position] = season + gamma * error / (multiplicativeSeason ? base : 1);
                }
                valid = Double.isFinite(path[h]) && (!multiplicativeSeason || base > 0 && seasons[position] > 0)
                        && (!form.multiplicativeError() || mean > 0);
            }
            if (valid) {
                paths.add(path);
            }
        }
        return paths;
    }

    /** The one-step mean of a form: the level (and trend) {@code base} with the season's state put in. */
    static double withSeason(Season form, double base, double season) {
        return switch (form) {
            case NONE -> base;
            case ADDITIVE -> base + season;
            case MULTIPLICATIVE -> base * season;
        };
    }

}
