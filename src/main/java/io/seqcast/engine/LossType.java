package io.seqcast.engine;

public enum LossType {
    MSE,
    MAE,
    /** Huber loss with delta 1 in normalized units: quadratic near zero, linear for outliers. */
    HUBER,
    /** Cross-entropy weighted by inverse class frequency: a classifier's loss, and the only one it trains with. */
    CROSS_ENTROPY;

    /** Whether a forecaster trains with this loss (a classifier trains with {@link #CROSS_ENTROPY} only). */
    public boolean forecasting() {
        return this != CROSS_ENTROPY;
    }
}
