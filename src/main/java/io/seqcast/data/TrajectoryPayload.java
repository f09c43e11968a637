package io.seqcast.data;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "One track: points oldest first")
public record TrajectoryPayload(
        @Schema(description = "The client's name for the track, echoed in forecasts", example = "t1") String id,
        List<PointPayload> points) {}
