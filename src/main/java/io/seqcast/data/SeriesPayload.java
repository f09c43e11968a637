package io.seqcast.data;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One series as posted.
 *
 * @param id the client's name for it, echoed in forecasts
 * @param values numbers oldest first; for multivariate data, one array of feature values per time step
 * @param start ISO-8601 instant of the first value, for time-stamped forecasts
 * @param frequency ISO-8601 duration between values (PT1H, P1D, P1M...), for time-stamped forecasts
 */
@Schema(description = "One series: values oldest first, optionally time-stamped by start and frequency")
public record SeriesPayload(
        @Schema(description = "The client's name for the series, echoed in forecasts", example = "a") String id,
        @Schema(description = "Numbers oldest first (univariate), or one array of feature values per step"
                + " (multivariate)", example = "[1.0, 2.0, 3.0]") SeriesValues values,
        @Schema(description = "ISO-8601 instant of the first value", example = "2024-01-01T00:00:00Z") String start,
        @Schema(description = "ISO-8601 duration between values", example = "P1M") String frequency) {}
