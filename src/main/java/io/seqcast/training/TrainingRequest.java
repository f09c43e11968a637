package io.seqcast.training;

import io.seqcast.data.DataPayload;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "Train a new version of a model on posted series or trajectories")
record TrainingRequest(
        @Schema(description = "Model name; the trained version is registered under it", example = "flight-track",
                requiredMode = Schema.RequiredMode.REQUIRED) String model,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) DataPayload data,
        SpecPayload spec,
        TrainingPayload training) {}
