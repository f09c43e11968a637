package io.seqcast.training;

import io.seqcast.data.ParsedData;
import io.seqcast.data.PayloadParser;
import io.seqcast.engine.Defaults;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceEngine;
import io.seqcast.engine.TrainingSpec;
import io.seqcast.registry.ModelName;

/** A training request made concrete: data parsed, every omitted setting defaulted, all of it checked. */
record TrainingPlan(String model, SequenceData data, ModelSpec spec, TrainingSpec training) {

    static TrainingPlan of(TrainingRequest request, PayloadParser parser, SequenceEngine engine, int maxEpochs) {
        if (request == null) {
            throw new InvalidInputException("/", "a training request with model and data is expected");
        }
        String model = ModelName.require(request.model(), "model");
        ParsedData parsed = parser.parse(request.data(), "/data");
        SequenceData data = parsed.data();
        ModelSpec spec = spec(request.spec() == null ? new SpecPayload(null, null, null, null, null, null)
                : request.spec(), data);
        TrainingSpec training = training(request.training());
        if (training.epochs() > maxEpochs) {
            throw new InvalidInputException("/training/epochs",
                    "epochs must be between 1 and " + maxEpochs + ", was " + training.epochs());
        }
        engine.check(data, spec, training);
        return new TrainingPlan(model, data, spec, training);
    }

    private static ModelSpec spec(SpecPayload payload, SequenceData data) {
        ModelSpec defaults = ModelSpec.DEFAULT;
        int horizon = payload.horizon() != null ? payload.horizon() : Math.max(1, data.seasonalPeriod());
        int shortest = data.sequences().stream().mapToInt(Sequence::length).min().orElse(0);
        return new ModelSpec(
                payload.cell() != null ? payload.cell() : defaults.cell(),
                payload.hiddenSize() != null ? payload.hiddenSize() : defaults.hiddenSize(),
                payload.layers() != null ? payload.layers() : defaults.layers(),
                payload.dropout() != null ? payload.dropout() : defaults.dropout(),
                payload.window() != null ? payload.window()
                        : Defaults.window(data.seasonalPeriod(), shortest, horizon),
                horizon);
    }

    private static TrainingSpec training(TrainingPayload payload) {
        TrainingSpec.Builder builder = TrainingSpec.builder();
        if (payload == null) {
            return builder.build();
        }
        if (payload.epochs() != null) {
            builder.epochs(payload.epochs());
        }
        if (payload.batchSize() != null) {
            builder.batchSize(payload.batchSize());
        }
        if (payload.optimizer() != null) {
            builder.optimizer(payload.optimizer());
        }
        if (payload.learningRate() != null) {
            builder.learningRate(payload.learningRate());
        }
        if (payload.momentum() != null) {
            builder.momentum(payload.momentum());
        }
        if (payload.loss() != null) {
            builder.loss(payload.loss());
        }
        if (payload.gradientClipNorm() != null) {
            builder.gradientClipNorm(payload.gradientClipNorm());
        }
        if (payload.gradientClipValue() != null) {
            builder.gradientClipValue(payload.gradientClipValue());
        }
        if (payload.validationFraction() != null) {
            builder.validationFraction(payload.validationFraction());
        }
        if (payload.earlyStoppingPatience() != null) {
            builder.earlyStoppingPatience(payload.earlyStoppingPatience());
        }
        if (payload.seed() != null) {
            builder.seed(payload.seed());
        }
        return builder.build();
    }
}
