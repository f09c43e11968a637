package io.seqcast.engine;

/**
 * Normalization of one feature, fitted on the training part of the data only:
 * {@code normalized = (value - center) / scale}.
 *
 * @param feature feature name
 * @param center mean of the feature over the training part
 * @param scale standard deviation (shared by the spatial axes of a trajectory)
 * @param group features in the same group share the per-window spread (the axes of a trajectory)
 * @param spread the fixed spread, in normalized units, that every window of this feature's group is divided
 *     by (trajectories: the training windows' typical spread, so that a track's speed reaches the network);
 *     null where each window is divided by its own (series, and trajectories trained before it was kept)
 * @param nonNegative true where no value of a series feature was negative in training: its forecasts and
 *     interval bounds from a history without negative values are then kept at 0 or above (counts, sales,
 *     prices); null for trajectories and in manifests written before it was kept
 * @param reference what the network's windows and forecasts are measured against; null (classifiers, and
 *     manifests written before it was kept) means {@link Reference#LAST_SEASON}
 */
public record FeatureScaling(String feature, double center, double scale, int group, Double spread, Boolean nonNegative,
        Reference reference) {

    /** What the network's input windows and forecasts of a feature are measured against. */
    public enum Reference {
        /** The window's last value, and its last season repeated (seasonal naive): trajectories, and series before. */
        LAST_SEASON,
        /**
         * Exponential smoothing fitted to the series: windows with its season taken out, relative to its level at
         * the window's end, and forecasts as the difference from its own (as the M4 winner's network, ES-RNN).
         */
        SMOOTHING
    }

    /** A feature whose windows are each divided by their own spread. */
    public FeatureScaling(String feature, double center, double scale, int group) {
        this(feature, center, scale, group, null, null, null);
    }

    /** This scaling, saying whether the feature was never negative in training. */
    public FeatureScaling withNonNegative(boolean value) {
        return new FeatureScaling(feature, center, scale, group, spread, value, reference);
    }

    /** Whether the network measures this feature against exponential smoothing's states. */
    public boolean smoothed() {
        return reference == Reference.SMOOTHING;
    }

    /**
     * Whether forecasts of {@code feature} from {@code history} are floored at 0: the feature was never negative
     * in training, nor is it in the history.
     */
    public static boolean floorsAtZero(java.util.List<FeatureScaling> normalization, float[][] history, int feature) {
        if (feature >= normalization.size() || !Boolean.TRUE.equals(normalization.get(feature).nonNegative())) {
            return false;
        }
        for (float[] row : history) {
            if (row[feature] < 0) {
                return false;
            }
        }
        return true;
    }
}
