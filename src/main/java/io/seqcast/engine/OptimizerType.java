package io.seqcast.engine;

public enum OptimizerType {
    ADAM,
    /** Stochastic gradient descent, with momentum when {@code TrainingSpec.momentum} is above 0. */
    SGD,
    RMSPROP,
    ADAGRAD
}
