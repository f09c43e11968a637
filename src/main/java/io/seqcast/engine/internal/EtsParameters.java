package io.seqcast.engine.internal;

/** A point of the optimiser read as a form's parameters, with the usual bounds checked. */
final class EtsParameters {
    private final Ets.Form form;
    private final int period;
    double alpha;
    double beta;
    double gamma;
    double phi = 1;
    double level0;
    double trend0;
    final double[] seasons0;

    /** {@code seasons0}: the initial season, kept where the optimiser's points do not carry one. */
    EtsParameters(Ets.Form form, int period, double[] seasons0) {
        this.form = form;
        this.period = period;
        this.seasons0 = seasons0 == null ? null : seasons0.clone();
    }

    boolean read(double[] x) {
        int i = 0;
        alpha = x[i++];
        boolean hasTrend = form.trend() != Ets.Trend.NONE;
        beta = hasTrend ? x[i++] : 0;
        gamma = form.season() != Ets.Season.NONE ? x[i++] : 0;
        phi = form.trend() == Ets.Trend.DAMPED ? x[i++] : 1;
        level0 = x[i++];
        trend0 = hasTrend ? x[i++] : 0;
        boolean seasonsValid = true;
        if (seasons0 != null && i < x.length) {
            // The last initial state keeps the season normalised (mean 1 or 0), as R's ets does.
            boolean multiplicative = form.season() == Ets.Season.MULTIPLICATIVE;
            double sum = 0;
            for (int k = 0; k < period - 1; k++) {
                seasons0[k] = x[i++];
                sum += seasons0[k];
                seasonsValid &= !multiplicative || seasons0[k] > 0;
            }
            seasons0[period - 1] = multiplicative ? period - sum : -sum;
            seasonsValid &= !multiplicative || seasons0[period - 1] > 0;
        }
        return seasonsValid && alpha >= Ets.LOW && alpha <= Ets.HIGH
                && (!hasTrend || beta >= Ets.LOW && beta <= alpha)
                && (form.season() == Ets.Season.NONE || gamma >= Ets.LOW && gamma <= 1 - alpha)
                && (form.trend() != Ets.Trend.DAMPED || phi >= Ets.PHI_LOW && phi <= Ets.PHI_HIGH);
    }
}
