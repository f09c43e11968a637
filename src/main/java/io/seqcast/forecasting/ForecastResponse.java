package io.seqcast.forecasting;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

@Schema(description = "Forecasts in request order, from one model version")
record ForecastResponse(String model, int version, List<Forecast> forecasts) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One forecast: values for series (arrays per step when multivariate), points for"
            + " trajectories; timestamps when the series had start and frequency")
    record Forecast(String id, List<Object> values, List<Instant> timestamps, List<Point> points) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Point(double x, double y, Double z, Double t) {}
}
