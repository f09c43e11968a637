package io.seqcast.forecasting;

import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.ModelManifest;
import io.seqcast.engine.Forecast;
import io.seqcast.engine.PredictionIntervals;
import io.seqcast.engine.SequenceKind;
import java.util.List;

/**
 * The prediction intervals and quantiles a forecast request asks for, checked against the request's own
 * fields; the engine computes them ({@link PredictionIntervals}).
 */
final class Bands {

    private static final double MIN_QUANTILE = 0.005;

    private final List<Double> levels;
    private final List<Double> quantiles;

    private Bands(List<Double> levels, List<Double> quantiles) {
        this.levels = levels;
        this.quantiles = quantiles;
    }

    /** Checks what the request asks for, before any work. */
    static Bands of(ForecastRequest request) {
        List<Double> levels = request.levels() == null ? List.of() : request.levels();
        List<Double> quantiles = request.quantiles() == null ? List.of() : request.quantiles();
        if (levels.size() + quantiles.size() > ForecastRequest.MAX_BANDS) {
            throw new InvalidInputException("/levels", "at most " + ForecastRequest.MAX_BANDS
                    + " levels and quantiles together, got " + (levels.size() + quantiles.size()));
        }
        for (int i = 0; i < levels.size(); i++) {
            Double level = levels.get(i);
            if (level == null || !(level > 0 && level <= 99)) {
                throw new InvalidInputException("/levels/" + i, "a level is a percentage above 0 and at most 99, got "
                        + level);
            }
        }
        for (int i = 0; i < quantiles.size(); i++) {
            Double quantile = quantiles.get(i);
            if (quantile == null || !(quantile >= MIN_QUANTILE && quantile <= 1 - MIN_QUANTILE)) {
                throw new InvalidInputException("/quantiles/" + i, "a quantile is between " + MIN_QUANTILE + " and "
                        + (1 - MIN_QUANTILE) + ", got " + quantile);
            }
        }
        return new Bands(levels, quantiles);
    }

    /**
     * The forecasts with what was asked around them: intervals and quantiles for series, radii for
     * trajectories (which take no quantiles: refused before any work).
     *
     * @throws InvalidInputException ({@code levels}) when the version cannot give them
     */
    List<Forecast> around(ModelManifest manifest, List<float[][]> histories, List<float[][]> forecasts) {
        if (levels.isEmpty() && quantiles.isEmpty()) {
            return forecasts.stream().map(Forecast::of).toList();
        }
        if (manifest.kind() == SequenceKind.TRAJECTORY) {
            return PredictionIntervals.withRadii(manifest, forecasts, levels);
        }
        return PredictionIntervals.around(manifest, histories, forecasts, levels, quantiles);
    }
}
