package io.seqcast.engine;

import java.util.List;

/**
 * How a training run went.
 *
 * @param epochsRun epochs actually run (fewer than planned when early stopping fired)
 * @param bestEpoch epoch whose weights the model kept
 * @param trainLossHistory mean training loss per epoch
 * @param validationLossHistory validation loss per epoch, empty without validation windows
 * @param trainingWindows windows trained on
 * @param validationWindows windows validated on
 * @param durationMillis wall time of the run
 */
public record TrainingSummary(
        int epochsRun,
        int bestEpoch,
        List<Double> trainLossHistory,
        List<Double> validationLossHistory,
        int trainingWindows,
        int validationWindows,
        long durationMillis) {

    public TrainingSummary {
        trainLossHistory = List.copyOf(trainLossHistory);
        validationLossHistory = List.copyOf(validationLossHistory);
    }

    /** The same run, taking {@code millis} in all (several networks trained one after the other). */
    public TrainingSummary withDurationMillis(long millis) {
        return new TrainingSummary(epochsRun, bestEpoch, trainLossHistory, validationLossHistory, trainingWindows,
                validationWindows, millis);
    }
}
