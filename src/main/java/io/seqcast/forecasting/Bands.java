package io.seqcast.forecasting;

import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.ModelManifest;
import io.seqcast.engine.PredictionIntervals;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The prediction intervals and quantiles a forecast request asks for. A quantile q is a bound of the
 * central interval at level |2q - 1| (the lower below 0.5, the upper above it); 0.5 is the point forecast.
 */
final class Bands {

    private static final double MIN_QUANTILE = 0.005;

    private final List<Double> levels;
    private final List<Double> quantiles;
    /** Every level to compute: those asked for, then those the quantiles need. */
    private final List<Double> computed;

    private Bands(List<Double> levels, List<Double> quantiles, List<Double> computed) {
        this.levels = levels;
        this.quantiles = quantiles;
        this.computed = computed;
    }

    /** Checks what the request asks for, before any work. */
    static Bands of(ForecastRequest request) {
        List<Double> levels = request.levels() == null ? List.of() : request.levels();
        List<Double> quantiles = request.quantiles() == null ? List.of() : request.quantiles();
        if (levels.size() + quantiles.size() > ForecastRequest.MAX_BANDS) {
            throw new InvalidInputException("/levels", "at most " + ForecastRequest.MAX_BANDS
                    + " levels and quantiles together, got " + (levels.size() + quantiles.size()));
        }
        Set<Double> computed = new LinkedHashSet<>();
        for (int i = 0; i < levels.size(); i++) {
            Double level = levels.get(i);
            if (level == null || !(level > 0 && level <= 99)) {
                throw new InvalidInputException("/levels/" + i, "a level is a percentage above 0 and at most 99, got "
                        + level);
            }
            computed.add(level);
        }
        for (int i = 0; i < quantiles.size(); i++) {
            Double quantile = quantiles.get(i);
            if (quantile == null || !(quantile >= MIN_QUANTILE && quantile <= 1 - MIN_QUANTILE)) {
                throw new InvalidInputException("/quantiles/" + i, "a quantile is between " + MIN_QUANTILE + " and "
                        + (1 - MIN_QUANTILE) + ", got " + quantile);
            }
            if (quantile != 0.5) {
                computed.add(level(quantile));
            }
        }
        return new Bands(levels, quantiles, List.copyOf(computed));
    }

    boolean none() {
        return levels.isEmpty() && quantiles.isEmpty();
    }

    /**
     * Per forecast, its intervals (as asked) and quantiles, each shaped by {@code shape}.
     *
     * @throws InvalidInputException ({@code levels}) when the version cannot give intervals
     */
    List<ForecastBody> around(ModelManifest manifest, List<float[][]> histories, List<float[][]> forecasts,
            Shape shape) {
        List<List<PredictionIntervals.Interval>> intervals = computed.isEmpty()
                ? null : PredictionIntervals.of(manifest, histories, forecasts, computed);
        List<ForecastBody> out = new ArrayList<>(forecasts.size());
        for (int i = 0; i < forecasts.size(); i++) {
            List<ForecastResponse.Band> bands = new ArrayList<>(levels.size());
            for (double level : levels) {
                PredictionIntervals.Interval interval = intervals.get(i).get(computed.indexOf(level));
                bands.add(new ForecastResponse.Band(level, shape.of(interval.lower()), shape.of(interval.upper())));
            }
            List<ForecastResponse.QuantileForecast> quantileForecasts = new ArrayList<>(quantiles.size());
            for (double quantile : quantiles) {
                float[][] values = quantile == 0.5 ? forecasts.get(i) : quantile < 0.5
                        ? intervals.get(i).get(computed.indexOf(level(quantile))).lower()
                        : intervals.get(i).get(computed.indexOf(level(quantile))).upper();
                quantileForecasts.add(new ForecastResponse.QuantileForecast(quantile, shape.of(values)));
            }
            out.add(new ForecastBody(levels.isEmpty() ? null : bands, quantiles.isEmpty() ? null : quantileForecasts,
                    null));
        }
        return out;
    }

    /**
     * For trajectories: per forecast, the radius around each predicted point at each level (the same for
     * every trajectory, from the model's validation).
     */
    List<ForecastBody> radii(ModelManifest manifest, int horizon, int forecasts) {
        List<float[]> radii = PredictionIntervals.radii(manifest, horizon, levels);
        List<ForecastResponse.Radii> body = new ArrayList<>(levels.size());
        for (int l = 0; l < levels.size(); l++) {
            body.add(new ForecastResponse.Radii(levels.get(l), radii.get(l)));
        }
        List<ForecastBody> out = new ArrayList<>(forecasts);
        for (int i = 0; i < forecasts; i++) {
            out.add(new ForecastBody(null, null, body));
        }
        return out;
    }

    private static double level(double quantile) {
        return Math.abs(2 * quantile - 1) * 100;
    }

    /** How a {@code [step][feature]} array goes out: a column for univariate series, else as it is. */
    @FunctionalInterface
    interface Shape {
        Object of(float[][] steps);
    }

    record ForecastBody(List<ForecastResponse.Band> intervals, List<ForecastResponse.QuantileForecast> quantiles,
            List<ForecastResponse.Radii> radii) {}
}
