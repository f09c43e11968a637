package io.seqcast.training;

import io.seqcast.engine.ClassificationMetrics;
import io.seqcast.engine.ForecastBlend;
import io.seqcast.engine.ModelManifest;
import io.seqcast.engine.Task;
import io.seqcast.engine.ValidationMetrics;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A training job as clients see it and as it is persisted. Immutable: every change makes a new one. */
@Schema(description = "A training job")
public record TrainingJob(
        String id,
        String model,
        JobStatus status,
        Progress progress,
        List<EpochLoss> lossHistory,
        Result result,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    public TrainingJob {
        lossHistory = lossHistory == null ? List.of() : List.copyOf(lossHistory);
    }

    @Schema(description = "Where training stands; validationLoss is null without a validation split")
    public record Progress(int epoch, int epochs, Double trainLoss, Double validationLoss) {}

    @Schema(description = "Losses of one epoch")
    public record EpochLoss(int epoch, double trainLoss, Double validationLoss) {}

    @Schema(description = "The version the job registered, its validation metrics (null without validation), the"
            + " season it used (given, from the time stamps' frequency, or detected; 1 for none) and what it forecasts"
            + " with, chosen on validation, and how many missing values were filled (the last three are null in jobs"
            + " recorded before they were reported)")
    public record Result(String model, int version, ValidationMetrics metrics, Integer season, ForecastBlend blend,
            Integer filledValues, @Schema(description = "Classifiers: accuracy, macro-F1, per-class precision and"
                    + " recall, confusion matrix on the validation sequences") ClassificationMetrics classification) {

        /** A forecasting job's result. */
        public Result(String model, int version, ValidationMetrics metrics, Integer season, ForecastBlend blend,
                Integer filledValues) {
            this(model, version, metrics, season, blend, filledValues, null);
        }

        static Result of(String model, int version, ModelManifest manifest, int filled) {
            if (manifest.taskOrDefault() == Task.CLASSIFICATION) {
                return new Result(model, version, null, null, null, null, manifest.classifier().metrics());
            }
            return new Result(model, version, manifest.metrics(), manifest.seasonalPeriod(), manifest.blend(), filled,
                    null);
        }
    }

    TrainingJob started(Instant at) {
        return new TrainingJob(id, model, JobStatus.RUNNING, progress, lossHistory, null, null, createdAt, at, null);
    }

    TrainingJob progressed(Progress newProgress, List<EpochLoss> history) {
        return new TrainingJob(id, model, status, newProgress, history, result, error, createdAt, startedAt, finishedAt);
    }

    TrainingJob succeeded(Result newResult, Instant at) {
        return new TrainingJob(id, model, JobStatus.SUCCEEDED, progress, lossHistory, newResult, null, createdAt,
                startedAt, at);
    }

    /** The same job with other losses: the epochs an event has not yet sent. */
    TrainingJob withLossHistory(List<EpochLoss> history) {
        return new TrainingJob(id, model, status, progress, history, result, error, createdAt, startedAt, finishedAt);
    }

    TrainingJob ended(JobStatus endStatus, String reason, Instant at) {
        return new TrainingJob(id, model, endStatus, progress, lossHistory, null, reason, createdAt, startedAt, at);
    }
}
