package io.seqcast.engine;

/**
 * What the features of a dataset mean, which decides how they are scaled.
 *
 * <p>A {@link #SERIES} scales each feature on its own. A {@link #TRAJECTORY} treats its spatial
 * features ({@code x}, {@code y}, {@code z}) as one space with a single scale, so that geometry is
 * kept and a flat coordinate (an aircraft at constant altitude) is valid; its time feature {@code t},
 * if present, is scaled on its own.
 */
public enum SequenceKind {
    SERIES,
    TRAJECTORY
}
