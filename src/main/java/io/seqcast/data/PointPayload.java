package io.seqcast.data;

import io.swagger.v3.oas.annotations.media.Schema;

/** One point of a trajectory: x and y, optional z, optional time t (the same on every point). */
@Schema(description = "A trajectory point; z and t are optional but, if given, given on every point")
public record PointPayload(
        @Schema(example = "1.0") Double x,
        @Schema(example = "2.03") Double y,
        @Schema(example = "2.0") Double z,
        @Schema(description = "Time of the point, any unit (seconds since start, say)") Double t) {}
