package io.seqcast.engine;

/**
 * Normalization of one feature, fitted on the training part of the data only:
 * {@code normalized = (value - center) / scale}.
 *
 * @param feature feature name
 * @param center mean of the feature over the training part
 * @param scale standard deviation (shared by the spatial axes of a trajectory)
 * @param group features in the same group share the per-window spread (the axes of a trajectory)
 */
public record FeatureScaling(String feature, double center, double scale, int group) {}
