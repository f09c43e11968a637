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
                + " is rolled out", example = "12") Integer horizon) {}
