package io.seqcast.training;

/** A training job reached a final state (SUCCEEDED, FAILED, CANCELLED or INTERRUPTED). */
public record TrainingJobFinished(TrainingJob job) {}
