package io.seqcast.engine;

import java.nio.file.Path;
import java.util.List;

/** Trains, saves and loads recurrent forecasting models. The only way the rest of seqcast reaches DJL. */
public interface SequenceEngine {

    EngineInfo info();

    /**
     * Checks, without any native call, that {@link #train} would accept this data and these specs.
     *
     * @throws InvalidInputException when data or specs are unusable, with the offending field
     */
    void check(SequenceData data, ModelSpec spec, TrainingSpec training);

    /**
     * Peak memory, in bytes, that {@link #train} would take on this data and these specs: the
     * encoded windows, the parameters with their gradients and optimizer state, one batch's tensors.
     * Saturates at {@code Long.MAX_VALUE} instead of overflowing.
     */
    long estimateTrainingBytes(SequenceData data, ModelSpec spec, TrainingSpec training);

    /**
     * Roughly how long {@link #train} would take if it ran every epoch (early stopping usually ends it
     * sooner): its multiply-adds (forward, backward and update, about three forward passes per training
     * window and epoch) at the rate this engine measures, on this machine, for the model's shape.
     */
    double estimateTrainingSeconds(SequenceData data, ModelSpec spec, TrainingSpec training);

    /**
     * Epochs {@link #train} runs at most, as its progress counts them: an engine may train more than one
     * network per model, one after the other.
     */
    default int plannedEpochs(SequenceData data, ModelSpec spec, TrainingSpec training) {
        return training.epochs();
    }

    /** Networks {@link #train} averages: {@code training.members}, or the engine's default for the data. */
    default int members(SequenceData data, ModelSpec spec, TrainingSpec training) {
        return training.members() == null ? 1 : training.members();
    }

    /** As {@link #estimateTrainingSeconds(SequenceData, ModelSpec, TrainingSpec)}, for a classifier. */
    double estimateClassifierSeconds(ClassificationData data, ClassifierSpec spec, TrainingSpec training);

    /**
     * Trains a model. Input is validated before any native call.
     *
     * @throws InvalidInputException when data or specs are unusable, with the offending field
     * @throws TrainingCancelledException when {@code listener} asked to stop
     * @throws TrainingFailedException when training diverged
     */
    ForecastModel train(SequenceData data, ModelSpec spec, TrainingSpec training, TrainingListener listener);

    /**
     * Checks, without any native call, that {@link #trainClassifier} would accept this data and these specs.
     *
     * @throws InvalidInputException when data or specs are unusable, with the offending field
     */
    void checkClassifier(ClassificationData data, ClassifierSpec spec, TrainingSpec training);

    /**
     * Peak memory, in bytes, that {@link #trainClassifier} would take: the encoded rows, one batch's
     * one-hot input and recurrent activations with their gradients, the parameters with their optimizer
     * state. Saturates at {@code Long.MAX_VALUE}.
     */
    long estimateClassifierBytes(ClassificationData data, ClassifierSpec spec, TrainingSpec training);

    /**
     * Trains a sequence classifier.
     *
     * @throws InvalidInputException when data or specs are unusable, with the offending field
     * @throws TrainingCancelledException when {@code listener} asked to stop
     * @throws TrainingFailedException when training diverged
     */
    Classifier trainClassifier(ClassificationData data, ClassifierSpec spec, TrainingSpec training,
            TrainingListener listener);

    /**
     * Loads a classifier saved by {@link Classifier#save}, after checking every file against the manifest.
     *
     * @throws ModelLoadException when files are missing or altered, or the manifest is not a classifier's
     */
    Classifier loadClassifier(Path directory);

    /**
     * Loads a model saved by {@link ForecastModel#save}, after checking every file against the
     * manifest's checksums.
     *
     * @throws ModelLoadException when files are missing or altered, or the manifest is unreadable
     */
    ForecastModel load(Path directory);

    /**
     * Reads a saved model's manifest after checking every file against its checksums, without loading
     * the model.
     *
     * @throws ModelLoadException when files are missing or altered, or the manifest is unreadable
     */
    ModelManifest readManifest(Path directory);

    /**
     * Scores {@code candidate}, saved in {@code candidateDirectory}, and {@code other} on the series and
     * origins of the candidate's backtest, stored with it.
     *
     * @throws NotComparableException when the candidate has no stored backtest cases (trajectories, series
     *     too short to score, versions trained before they were kept), the models' features differ, or no
     *     origin has history enough for both windows
     * @throws ModelLoadException when the stored cases are missing, altered or unreadable
     */
    Comparison compare(Path candidateDirectory, ForecastModel candidate, ForecastModel other);

    /**
     * The series a saved version's backtest scored, as stored with it ({@code [time][feature]}, at most 256
     * of the training series, each cut to its last points before the earliest origin plus what follows).
     *
     * @throws NotComparableException when the version stored none (trajectories, series too short to score,
     *     versions from before they were kept)
     * @throws ModelLoadException when the stored file is missing, altered or unreadable
     */
    List<float[][]> storedSeries(Path directory);

    /** The longest horizon {@link ForecastModel#forecast} serves, by roll-out beyond a model's own. */
    int maxHorizon();

    /** Native arrays currently alive in this engine; returns to its baseline when nothing leaks. */
    int liveNativeArrays();
}
