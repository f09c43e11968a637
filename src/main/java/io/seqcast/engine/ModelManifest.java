package io.seqcast.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to rebuild, audit and trust a saved model; written as {@code manifest.json}
 * beside the parameters.
 *
 * @param formatVersion manifest format, bumped on incompatible change
 * @param kind series or trajectory
 * @param features feature names in column order
 * @param spec model shape
 * @param training training settings
 * @param normalization per-feature normalization fitted on the training part
 * @param seasonalPeriod season used for MASE
 * @param metrics validation metrics, null when the data left no validation windows
 * @param summary how training went
 * @param dataFingerprint SHA-256 of the training data
 * @param engine engine and device that trained the model
 * @param createdAt when training finished
 * @param files SHA-256 of every other file of the model directory, by file name
 * @param blend what the model forecasts with and why; null in manifests written before blends (network alone)
 * @param backtest step-by-step errors of the model and the baselines on rolling origins; null for
 *     trajectories, series too short to score and manifests written before backtests
 * @param task what the model does; null in manifests written before classifiers (forecasting)
 * @param classifier a classifier's labels, vocabulary and metrics; null for forecasting models (whose
 *     spec, normalization and metrics are then set, as a classifier's are not)
 * @param lookbacks the steps at the end of each window that each network of an ensemble reads, in the order
 *     of the parameters; null where every network reads the whole window (single networks, classifiers and
 *     manifests written before lookbacks)
 */
public record ModelManifest(
        int formatVersion,
        SequenceKind kind,
        List<String> features,
        ModelSpec spec,
        TrainingSpec training,
        List<FeatureScaling> normalization,
        int seasonalPeriod,
        ValidationMetrics metrics,
        TrainingSummary summary,
        String dataFingerprint,
        EngineInfo engine,
        Instant createdAt,
        Map<String, String> files,
        ForecastBlend blend,
        Backtest backtest,
        Task task,
        ClassifierManifest classifier,
        List<Integer> lookbacks) {

    public static final int FORMAT_VERSION = 1;
    /**
     * Written for a model of several networks ({@code training.members} above one): versions before ensembles
     * read format 1 only, and would otherwise load the first network alone and ignore the others. A single
     * network stays format 1, which they still read.
     */
    public static final int ENSEMBLE_FORMAT_VERSION = 2;
    /**
     * Written for an ensemble whose networks read windows of their own lengths ({@code lookbacks}): versions
     * before lookbacks read formats 1 and 2 only, and would otherwise feed every network the whole window.
     */
    public static final int LOOKBACK_FORMAT_VERSION = 3;
    /**
     * Written for a model whose baselines forecast on Box-Cox transforms ({@code blend.transform}), its
     * lookbacks listed as in format 3: versions before the transform read formats 1 to 3 only, and would
     * otherwise forecast with untransformed baselines.
     */
    public static final int TRANSFORM_FORMAT_VERSION = 4;
    public static final String FILE_NAME = "manifest.json";

    public ModelManifest {
        features = List.copyOf(features);
        normalization = List.copyOf(normalization);
        files = Map.copyOf(files);
        lookbacks = lookbacks == null ? null : List.copyOf(lookbacks);
    }

    public ModelManifest withFiles(Map<String, String> newFiles) {
        return new ModelManifest(formatVersion, kind, features, spec, training, normalization, seasonalPeriod, metrics,
                summary, dataFingerprint, engine, createdAt, newFiles, blend, backtest, task, classifier, lookbacks);
    }

    /** What the model does, forecasting for manifests written before there was a choice. */
    public Task taskOrDefault() {
        return task == null ? Task.FORECASTING : task;
    }
}
