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
 */
public record FeatureScaling(String feature, double center, double scale, int group, Double spread) {

    /** A feature whose windows are each divided by their own spread. */
    public FeatureScaling(String feature, double center, double scale, int group) {
        this(feature, center, scale, group, null);
    }
}
