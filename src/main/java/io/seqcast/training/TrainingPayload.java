package io.seqcast.training;

import io.seqcast.engine.Defaults;
import io.seqcast.engine.LossType;
import io.seqcast.engine.OptimizerType;
import io.swagger.v3.oas.annotations.media.Schema;

/** Training settings as posted; every field has a default (README "Defaults"). */
@Schema(description = "Training settings; omitted fields take measured defaults")
record TrainingPayload(
        @Schema(description = "Passes over the training windows (default " + Defaults.EPOCHS + ")", example = "300") Integer epochs,
        @Schema(description = "Windows per step (default " + Defaults.BATCH_SIZE + ")", example = "16") Integer batchSize,
        @Schema(description = "Update rule (default " + Defaults.OPTIMIZER + ")", example = "ADAM") OptimizerType optimizer,
        @Schema(description = "Step size (default " + Defaults.LEARNING_RATE + ")", example = "0.01") Double learningRate,
        @Schema(description = "Momentum of SGD and RMSPROP (default " + Defaults.MOMENTUM + ")") Double momentum,
        @Schema(description = "Training loss (default " + Defaults.LOSS
                + "; a classifier trains with CROSS_ENTROPY, and only with it)") LossType loss,
        @Schema(description = "Clip the gradients' global norm to this; 0 disables (default "
                + Defaults.GRADIENT_CLIP_NORM + ")") Double gradientClipNorm,
        @Schema(description = "Clip every gradient element to +-this; 0 disables (default "
                + Defaults.GRADIENT_CLIP_VALUE + ")") Double gradientClipValue,
        @Schema(description = "Share of each series' end held out for validation (default "
                + Defaults.VALIDATION_FRACTION + "); for trajectories, where it makes 5 or more of the tracks long"
                + " enough for a window and horizon, that share of those tracks, held out whole")
                Double validationFraction,
        @Schema(description = "Epochs without validation improvement before stopping; 0 disables (default "
                + Defaults.EARLY_STOPPING_PATIENCE + ")")
                Integer earlyStoppingPatience,
        @Schema(description = "Seed: the same data, settings and seed give the same model (default "
                + Defaults.SEED + ")",
                example = "7") Long seed,
        @Schema(description = "Forecast with the network alone instead of letting validation choose or combine"
                + " classical baselines (default " + Defaults.NETWORK_ONLY + ")") Boolean networkOnly,
        @Schema(description = "Forecasters: networks trained from different seeds on the same windows, their"
                + " forecasts averaged; more cost training and forecast time in proportion (default "
                + Defaults.MEMBERS + " where a forward pass over the data's windows costs at most "
                + Defaults.ENSEMBLE_MAX_WORK + " multiply-adds, as for a few hundred points of monthly series, else 1)."
                + " Classifiers train one.", example = "1") Integer members) {}
