package io.seqcast.training;

import io.seqcast.data.DataPayload;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.Task;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "Train a new version of a model on posted series or trajectories, or a classifier on"
        + " labelled sequences")
record TrainingRequest(
        @Schema(description = "Model name; the trained version is registered under it", example = "flight-track",
                requiredMode = Schema.RequiredMode.REQUIRED) String model,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) DataPayload data,
        SpecPayload spec,
        TrainingPayload training,
        @Schema(description = "forecasting (series or trajectories) or classification (labelled sequences);"
                + " by default what the data is", allowableValues = {"forecasting", "classification"}, example = "forecasting")
                String task) {

    /** A forecasting request. */
    TrainingRequest(String model, DataPayload data, SpecPayload spec, TrainingPayload training) {
        this(model, data, spec, training, null);
    }

    /** The task asked for; when omitted, classification for labelled sequences, else forecasting. */
    Task taskOrDefault() {
        if (task == null && data != null && data.sequences() != null && data.series() == null
                && data.trajectories() == null) {
            return Task.CLASSIFICATION;
        }
        if (task == null || task.equalsIgnoreCase("forecasting")) {
            return Task.FORECASTING;
        }
        if (task.equalsIgnoreCase("classification")) {
            return Task.CLASSIFICATION;
        }
        throw new InvalidInputException("/task", "task is forecasting or classification, got '"
                + (task.length() > 40 ? task.substring(0, 40) + "..." : task) + "'");
    }
}
