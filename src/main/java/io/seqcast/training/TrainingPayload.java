package io.seqcast.training;

import io.seqcast.engine.LossType;
import io.seqcast.engine.OptimizerType;
import io.swagger.v3.oas.annotations.media.Schema;

/** Training settings as posted; every field has a default (README "Defaults"). */
@Schema(description = "Training settings; omitted fields take measured defaults")
record TrainingPayload(
        @Schema(description = "Passes over the training windows (default 200)", example = "300") Integer epochs,
        @Schema(description = "Windows per step (default 32)", example = "16") Integer batchSize,
        @Schema(description = "Update rule (default ADAM)", example = "ADAM") OptimizerType optimizer,
        @Schema(description = "Step size (default 0.005)", example = "0.01") Double learningRate,
        @Schema(description = "Momentum of SGD and RMSPROP (default 0)") Double momentum,
        @Schema(description = "Training loss (default HUBER)") LossType loss,
        @Schema(description = "Clip the gradients' global norm to this; 0 disables (default 1)") Double gradientClipNorm,
        @Schema(description = "Clip every gradient element to +-this; 0 disables (default 0)") Double gradientClipValue,
        @Schema(description = "Share of each series' end held out for validation (default 0.2)")
                Double validationFraction,
        @Schema(description = "Epochs without validation improvement before stopping; 0 disables (default 20)")
                Integer earlyStoppingPatience,
        @Schema(description = "Seed: the same data, settings and seed give the same model (default 42)",
                example = "7") Long seed) {}
