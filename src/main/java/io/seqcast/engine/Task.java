package io.seqcast.engine;

/** What a model does: forecast sequences, or say which class a sequence belongs to. */
public enum Task {
    FORECASTING,
    CLASSIFICATION
}
