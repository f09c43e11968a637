package io.seqcast.engine;

public enum LossType {
    MSE,
    MAE,
    /** Huber loss with delta 1 in normalized units: quadratic near zero, linear for outliers. */
    HUBER
}
