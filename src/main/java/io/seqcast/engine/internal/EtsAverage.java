package io.seqcast.engine.internal;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The exponential smoothing forms fitted to one history, forecasting as their mean weighted by Akaike
 * weights, exp(-ΔAICc / 2) normalised (Kolassa 2011, "Combining exponential smoothing forecasts using
 * Akaike weights"): where two forms fit almost equally well, choosing one throws away what the other knows,
 * and which one wins is down to noise. Over the 61 held-out series it forecast 6 % better than the form of
 * lowest AICc alone (bench/README.md). Sample paths are the best form's: they describe its own uncertainty.
 */
final class EtsAverage {

    /**
     * Forms weighing less are dropped (their share of a forecast is below a ten-thousandth of their distance
     * from the others): a fit kept for later requests ({@link FitCache}) holds fewer forms.
     */
    static final double MIN_WEIGHT = 1e-4;

    private final List<Ets> forms;
    private final double[] weights;
    private final Ets best;

    private EtsAverage(List<Ets> forms, double[] weights, Ets best) {
        this.forms = forms;
        this.weights = weights;
        this.best = best;
    }

    /** @param forms at least one */
    static EtsAverage of(List<Ets> forms) {
        Ets best = forms.get(0);
        for (Ets form : forms) {
            if (form.aicc() < best.aicc()) {
                best = form;
            }
        }
        double[] relative = new double[forms.size()];
        double total = 0;
        for (int i = 0; i < relative.length; i++) {
            Ets form = forms.get(i);
            // A form without a likelihood (the last value of a history too short for any) weighs only alone.
            relative[i] = form == best ? 1 : Double.isFinite(best.aicc()) ? Math.exp(-0.5 * (form.aicc() - best.aicc())) : 0;
            total += relative[i];
        }
        List<Ets> kept = new java.util.ArrayList<>();
        double[] weights = new double[relative.length];
        double keptTotal = 0;
        for (int i = 0; i < relative.length; i++) {
            if (relative[i] / total >= MIN_WEIGHT) {
                weights[kept.size()] = relative[i];
                kept.add(forms.get(i));
                keptTotal += relative[i];
            }
        }
        weights = java.util.Arrays.copyOf(weights, kept.size());
        for (int k = 0; k < weights.length; k++) {
            weights[k] /= keptTotal;
        }
        return new EtsAverage(List.copyOf(kept), weights, best);
    }

    /** The form of lowest AICc. */
    Ets best() {
        return best;
    }

    /** The forms kept, each weighing at least {@link #MIN_WEIGHT}. */
    List<Ets> forms() {
        return forms;
    }

    /** Each form's weight, in the order of {@link #forms}; they sum to 1. */
    double[] weights() {
        return weights.clone();
    }

    /**
     * The forms' forecasts, weighted: the best one's plus the weighted differences of the others from it, so
     * that forms which agree give their forecast exactly, not within rounding.
     */
    double[] forecast(int horizon) {
        double[] forecast = best.forecast(horizon);
        double[] shift = new double[horizon];
        for (int i = 0; i < forms.size(); i++) {
            if (forms.get(i) == best) {
                continue;
            }
            double[] own = forms.get(i).forecast(horizon);
            for (int h = 0; h < horizon; h++) {
                shift[h] += weights[i] * (own[h] - forecast[h]);
            }
        }
        for (int h = 0; h < horizon; h++) {
            forecast[h] += shift[h];
        }
        return forecast;
    }

    /** {@link Ets#paths} of the best form; they scatter around its own forecast, {@code best().forecast}. */
    List<double[]> paths(int horizon, int count, RandomGenerator random) {
        return best.paths(horizon, count, random);
    }
}
