package io.seqcast.forecasting;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

@Schema(description = "Forecasts in request order, from one model version")
record ForecastResponse(String model, int version, List<Forecast> forecasts) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One forecast: values for series (arrays per step when multivariate), points for"
            + " trajectories; timestamps when the series had start and frequency")
    record Forecast(
            String id,
            @ArraySchema(arraySchema = @Schema(description = "Per step, written as the shortest decimal that reads"
                    + " back as the same float"), schema = @Schema(description = "a number (univariate), or an array of"
                    + " numbers, one per feature")) Object values,
            List<Instant> timestamps,
            List<Point> points) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Point(float x, float y, Float z, Float t) {}
}
