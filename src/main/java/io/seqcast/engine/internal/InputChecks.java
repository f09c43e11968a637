package io.seqcast.engine.internal;

import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.TrainingSpec;
import java.util.HashSet;
import java.util.List;

/** Refuses data that would give libtorch a shape it crashes on or a model that cannot learn. */
final class InputChecks {

    private InputChecks() {}

    /** A forecaster trains with a regression loss: cross-entropy scores classes. */
    static void checkForecasterTraining(TrainingSpec training) {
        if (!training.loss().forecasting()) {
            throw new InvalidInputException("training.loss", "a forecaster trains with MSE, MAE or HUBER; "
                    + training.loss() + " is a classifier's loss");
        }
    }

    static void checkTrainingData(SequenceData data, ModelSpec spec) {
        if (data == null || data.features() == null || data.features().isEmpty()) {
            throw new InvalidInputException("features", "at least one feature is expected");
        }
        if (new HashSet<>(data.features()).size() != data.featureCount()) {
            throw new InvalidInputException("features", "feature names must be unique, got " + data.features());
        }
        if (data.sequences() == null || data.sequences().isEmpty()) {
            throw new InvalidInputException("sequences", "at least one series or trajectory is expected");
        }
        if (data.seasonalPeriod() < 1) {
            throw new InvalidInputException(
                    "seasonalPeriod", "seasonalPeriod must be >= 1 (1 for no season), was " + data.seasonalPeriod());
        }
        int needed = spec.window() + spec.horizon();
        List<Sequence> sequences = data.sequences();
        for (int i = 0; i < sequences.size(); i++) {
            Sequence sequence = sequences.get(i);
            String pointer = "sequences[" + i + "]";
            if (sequence == null || sequence.values() == null) {
                throw new InvalidInputException(pointer, "series " + i + " has no values");
            }
            if (sequence.length() < needed) {
                throw new InvalidInputException(pointer + ".values", "series '" + sequence.id() + "' has "
                        + sequence.length() + " points; training needs at least window + horizon = " + needed);
            }
            checkValues(sequence.values(), data.featureCount(), pointer + ".values");
        }
    }

    static void checkHistories(List<float[][]> histories, int featureCount, int window) {
        if (histories == null || histories.isEmpty()) {
            throw new InvalidInputException("sequences", "at least one series is expected");
        }
        for (int i = 0; i < histories.size(); i++) {
            float[][] history = histories.get(i);
            String pointer = "sequences[" + i + "].values";
            if (history == null || history.length < window) {
                int length = history == null ? 0 : history.length;
                throw new InvalidInputException(pointer, "series " + i + " has " + length
                        + " points; the model reads the last " + window + " points, so at least " + window
                        + " are expected");
            }
            checkValues(history, featureCount, pointer);
        }
    }

    private static void checkValues(float[][] values, int featureCount, String pointer) {
        for (int t = 0; t < values.length; t++) {
            float[] row = values[t];
            if (row == null || row.length != featureCount) {
                int found = row == null ? 0 : row.length;
                throw new InvalidInputException(pointer + "[" + t + "]",
                        "point " + t + " has " + found + " features, expected " + featureCount);
            }
            for (int f = 0; f < featureCount; f++) {
                if (!Float.isFinite(row[f])) {
                    throw new InvalidInputException(pointer + "[" + t + "][" + f + "]",
                            "point " + t + " is not a finite number (NaN, infinite or beyond float range): " + row[f]);
                }
            }
        }
    }
}
