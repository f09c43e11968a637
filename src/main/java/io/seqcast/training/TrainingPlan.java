package io.seqcast.training;

import io.seqcast.data.DataPayload;
import io.seqcast.data.EngineFields;
import io.seqcast.data.LabelledSequences;
import io.seqcast.engine.ClassificationData;
import io.seqcast.engine.ClassifierSpec;
import io.seqcast.engine.Task;
import io.seqcast.data.ParsedData;
import io.seqcast.data.PayloadParser;
import io.seqcast.engine.Defaults;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.LossType;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Seasons;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceEngine;
import io.seqcast.engine.SequenceKind;
import io.seqcast.engine.TrainingSpec;
import io.seqcast.registry.ModelName;
import java.util.function.Consumer;

/**
 * A training request made concrete: data parsed (gaps filled, {@code filled} of them), every omitted
 * setting defaulted, all of it checked. A forecasting plan has {@code data} and {@code spec}, a
 * classification plan {@code labelled} and {@code classifier}.
 */
record TrainingPlan(String model, Task task, SequenceData data, ModelSpec spec, ClassificationData labelled,
        ClassifierSpec classifier, TrainingSpec training, int filled) {

    static TrainingPlan of(TrainingRequest request, PayloadParser parser, SequenceEngine engine,
            TrainingProperties limits) {
        if (request == null) {
            throw new InvalidInputException("/", "a training request with model and data is expected");
        }
        ModelName.require(request.model(), "model");
        if (request.taskOrDefault() == Task.CLASSIFICATION) {
            return classification(request, parser, engine, limits);
        }
        return of(request, parser.parse(request.data(), "/data"), engine, limits);
    }

    private static TrainingPlan classification(TrainingRequest request, PayloadParser parser, SequenceEngine engine,
            TrainingProperties limits) {
        DataPayload payload = request.data();
        if (payload == null || payload.sequences() == null || payload.series() != null
                || payload.trajectories() != null) {
            throw new InvalidInputException("/data/sequences", "a classification job takes data.sequences: texts or"
                    + " values, each with its label");
        }
        ClassificationData data = new LabelledSequences(parser).parse(payload.features(), payload.sequences(), "/data",
                true);
        try {
            SpecPayload posted = request.spec() == null ? new SpecPayload(null, null, null, null, null, null)
                    : request.spec();
            if (posted.horizon() != null) {
                throw new InvalidInputException("spec.horizon", "a classifier has no horizon");
            }
            ClassifierSpec defaults = Defaults.classifierSpec(data);
            ClassifierSpec spec = new ClassifierSpec(
                    posted.cell() != null ? posted.cell() : defaults.cell(),
                    posted.embedding() != null ? posted.embedding() : defaults.embedding(),
                    posted.hiddenSize() != null ? posted.hiddenSize() : defaults.hiddenSize(),
                    posted.layers() != null ? posted.layers() : defaults.layers(),
                    posted.dropout() != null ? posted.dropout() : defaults.dropout(),
                    posted.window() != null ? posted.window() : defaults.maxLength());
            TrainingSpec.Builder builder = TrainingSpec.builder().epochs(Defaults.CLASSIFIER_EPOCHS)
                    .batchSize(Defaults.CLASSIFIER_BATCH_SIZE).earlyStoppingPatience(Defaults.CLASSIFIER_PATIENCE)
                    .loss(LossType.CROSS_ENTROPY);
            TrainingSpec training = training(request.training(), builder);
            if (training.loss() != LossType.CROSS_ENTROPY) {
                throw new InvalidInputException("training.loss", "a classifier trains with CROSS_ENTROPY; "
                        + training.loss() + " applies to forecasters");
            }
            if (training.members() != null && training.members() != 1) {
                throw new InvalidInputException("training.members", "a classifier trains one network; members"
                        + " applies to forecasters");
            }
            atMost("training.epochs", training.epochs(), limits.maxEpochs(), "max-epochs");
            atMost("spec.hiddenSize", spec.hiddenSize(), limits.maxHiddenSize(), "max-hidden-size");
            atMost("spec.layers", spec.layers(), limits.maxLayers(), "max-layers");
            atMost("spec.window", spec.maxLength(), limits.maxWindow(), "max-window");
            engine.checkClassifier(data, spec, training);
            long estimate = engine.estimateClassifierBytes(data, spec, training);
            if (estimate > limits.memoryBudget()) {
                throw new TrainingException.TooLarge(estimate, limits.memoryBudget());
            }
            return new TrainingPlan(request.model(), Task.CLASSIFICATION, null, null, data, spec, training, 0);
        } catch (InvalidInputException refused) {
            throw refused.at(EngineFields.labelledPointer(refused.field(), "/data"));
        }
    }

    /** As {@link #of(TrainingRequest, PayloadParser, SequenceEngine, TrainingProperties)}, its data parsed. */
    static TrainingPlan of(TrainingRequest request, ParsedData parsed, SequenceEngine engine,
            TrainingProperties limits) {
        String model = ModelName.require(request.model(), "model");
        try {
            SequenceData data = withSeason(parsed, request.data().seasonality());
            ModelSpec spec = spec(request.spec() == null ? new SpecPayload(null, null, null, null, null, null)
                    : request.spec(), data);
            TrainingSpec training = members(training(request.training(), TrainingSpec.builder()), data, spec, engine,
                    limits);
            atMost("training.epochs", training.epochs(), limits.maxEpochs(), "max-epochs");
            atMost("spec.hiddenSize", spec.hiddenSize(), limits.maxHiddenSize(), "max-hidden-size");
            atMost("spec.layers", spec.layers(), limits.maxLayers(), "max-layers");
            atMost("spec.window", spec.window(), limits.maxWindow(), "max-window");
            engine.check(data, spec, training);
            long estimate = engine.estimateTrainingBytes(data, spec, training);
            if (estimate > limits.memoryBudget()) {
                throw new TrainingException.TooLarge(estimate, limits.memoryBudget());
            }
            return new TrainingPlan(model, Task.FORECASTING, data, spec, null, null, training, parsed.filled());
        } catch (InvalidInputException refused) {
            // The engine names its own fields; the request's are JSON pointers.
            throw refused.at(EngineFields.pointer(refused.field(), "/data", parsed));
        }
    }

    /**
     * The ensemble within {@code max-members}: asked for beyond it, refused; by default, cut to it (the
     * default depends on the data, so the engine says what it would be).
     */
    private static TrainingSpec members(TrainingSpec training, SequenceData data, ModelSpec spec, SequenceEngine engine,
            TrainingProperties limits) {
        if (training.members() != null) {
            atMost("training.members", training.members(), limits.maxMembers(), "max-members");
            return training;
        }
        return engine.members(data, spec, training) > limits.maxMembers()
                ? training.toBuilder().members(limits.maxMembers()).build()
                : training;
    }

    private static void atMost(String field, int value, int limit, String property) {
        if (value > limit) {
            String name = field.substring(field.indexOf('.') + 1);
            throw new InvalidInputException(field, name + " must be between 1 and " + limit + " on this service"
                    + " (seqcast.training." + property + "), was " + value);
        }
    }

    /**
     * The season given ({@code seasonality}, 1 forcing none), else the one the time stamps' frequency
     * implies, else the one the series show (README "Seasons").
     */
    private static SequenceData withSeason(ParsedData parsed, Integer given) {
        SequenceData data = parsed.data();
        if (given != null || data.seasonalPeriod() > 1 || data.kind() != SequenceKind.SERIES) {
            return data;
        }
        return parsed.withSeason(Seasons.detect(data)).data();
    }

    /** The posted shape over the defaults ({@link Defaults#spec}); the horizon defaults to one season. */
    private static ModelSpec spec(SpecPayload payload, SequenceData data) {
        int horizon = payload.horizon() != null ? payload.horizon() : Math.max(1, data.seasonalPeriod());
        ModelSpec defaults = Defaults.spec(data, horizon);
        return new ModelSpec(
                payload.cell() != null ? payload.cell() : defaults.cell(),
                payload.hiddenSize() != null ? payload.hiddenSize() : defaults.hiddenSize(),
                payload.layers() != null ? payload.layers() : defaults.layers(),
                payload.dropout() != null ? payload.dropout() : defaults.dropout(),
                payload.window() != null ? payload.window() : defaults.window(),
                horizon);
    }

    /** The posted settings over {@code builder}'s defaults. */
    private static TrainingSpec training(TrainingPayload payload, TrainingSpec.Builder builder) {
        if (payload != null) {
            given(payload.epochs(), builder::epochs);
            given(payload.batchSize(), builder::batchSize);
            given(payload.optimizer(), builder::optimizer);
            given(payload.learningRate(), builder::learningRate);
            given(payload.momentum(), builder::momentum);
            given(payload.loss(), builder::loss);
            given(payload.gradientClipNorm(), builder::gradientClipNorm);
            given(payload.gradientClipValue(), builder::gradientClipValue);
            given(payload.validationFraction(), builder::validationFraction);
            given(payload.earlyStoppingPatience(), builder::earlyStoppingPatience);
            given(payload.seed(), builder::seed);
            given(payload.networkOnly(), builder::networkOnly);
            given(payload.members(), builder::members);
        }
        return builder.build();
    }

    /** Applies a setting the request gave; an omitted one keeps its default. */
    private static <T> void given(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
