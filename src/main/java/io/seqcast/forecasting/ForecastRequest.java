package io.seqcast.forecasting;

import io.seqcast.data.SeriesPayload;
import io.seqcast.data.TrajectoryPayload;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "Series or trajectories to forecast; the last window points of each are used")
record ForecastRequest(
        @Schema(description = "Feature names of multivariate series, as the model was trained") List<String> features,
        List<SeriesPayload> series,
        List<TrajectoryPayload> trajectories,
        @Schema(description = "Steps to forecast (default: the model's horizon); longer than the model's horizon"
                + " is rolled out", example = "12") Integer horizon,
        @Schema(description = "Prediction intervals to add, as central coverage levels in percent (above 0, at"
                + " most 99), calibrated on the version's backtest; at most the model's horizon",
                example = "[80, 95]") List<Double> levels,
        @Schema(description = "Quantiles to add (0.005 to 0.995; 0.5 is the point forecast), from the same"
                + " calibration", example = "[0.1, 0.5, 0.9]") List<Double> quantiles) {

    /** The most levels and quantiles one request may ask for: each is a copy of the forecast. */
    static final int MAX_BANDS = 10;
}
