package io.seqcast.forecasting;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

@Schema(description = "Forecasts in request order, from one model version")
record ForecastResponse(String model, int version, List<Forecast> forecasts, Receipt receipt) {

    /**
     * What made the forecast, to reproduce or audit it: the same input posted to the same version gives
     * the same numbers, on any replica and after restarts.
     */
    @Schema(description = "What made the forecast: the same input posted to the same version gives the same numbers")
    record Receipt(
            String model,
            int version,
            @Schema(description = "SHA-256 (hex) of the version's manifest.json, which lists the SHA-256 of its"
                    + " parameters") String manifestSha256,
            @Schema(description = "SHA-256 (hex) of the input as read: features, the horizon, and per series its id"
                    + " and values as 32-bit floats (missing values after filling)") String inputSha256,
            @Schema(example = "PyTorch") String engine,
            @Schema(example = "2.7.1") String engineVersion,
            @Schema(example = "cpu()") String device,
            Instant time) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One forecast: values for series (arrays per step when multivariate), points for"
            + " trajectories; timestamps when the series had start and frequency")
    record Forecast(
            String id,
            @ArraySchema(arraySchema = @Schema(description = "Per step, written as the shortest decimal that reads"
                    + " back as the same float"), schema = @Schema(description = "a number (univariate), or an array of"
                    + " numbers, one per feature")) Object values,
            List<Instant> timestamps,
            List<Point> points,
            @Schema(description = "Central prediction intervals, per level asked for; lower and upper shaped like"
                    + " values") List<Band> intervals,
            @Schema(description = "Quantile forecasts, per quantile asked for, shaped like values")
                    List<QuantileForecast> quantiles,
            @Schema(description = "Trajectories: per level asked for, the radius around each predicted point (in the"
                    + " unit of the model's displacement errors, km for geographic data)") List<Radii> radii) {}

    record Radii(double level, float[] radii) {}

    @Schema(description = "A central prediction interval: the point forecast lies inside")
    record Band(
            double level,
            @Schema(description = "What the width was calibrated on: BACKTEST, the version's errors on rolling"
                    + " origins of its training data; MODEL, sample paths of the exponential smoothing fitted to"
                    + " each training series, for series too short to backtest", allowableValues = {"BACKTEST",
                    "MODEL"}) String calibration,
            Object lower,
            Object upper) {}

    record QuantileForecast(double quantile, Object values) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Point(float x, float y, Float z, Float t) {}
}
