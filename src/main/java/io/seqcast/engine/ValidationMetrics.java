package io.seqcast.engine;

/**
 * Accuracy on the validation split, in the data's own units, over every forecast step of every
 * validation window.
 *
 * @param rmse root mean squared error
 * @param mae mean absolute error
 * @param smape symmetric mean absolute percentage error, in percent (0 to 200)
 * @param mase mean absolute error scaled by the in-sample (training part) error of the seasonal naive
 *     forecast, or of the naive forecast when the data has no season; below 1 beats that benchmark
 * @param windows validation windows evaluated
 * @param displacement for trajectories, the distance of predicted from true points; null for series
 */
public record ValidationMetrics(double rmse, double mae, double smape, double mase, int windows,
        DisplacementErrors displacement) {

    /** The metrics of a series model, or of a trajectory model before displacement is known. */
    public ValidationMetrics(double rmse, double mae, double smape, double mase, int windows) {
        this(rmse, mae, smape, mase, windows, null);
    }

    public ValidationMetrics withDisplacement(DisplacementErrors errors) {
        return new ValidationMetrics(rmse, mae, smape, mase, windows, errors);
    }
}
