package io.seqcast.engine;

import java.util.List;

/**
 * How far a trajectory model's predicted points land from the true ones on the validation split: the
 * Euclidean distance over the spatial coordinates, or the great-circle distance in kilometres for
 * longitude/latitude data.
 *
 * @param unit {@code km}, or {@code data units}
 * @param ade average displacement error over every predicted step
 * @param fde final displacement error: at the last predicted step
 * @param perStep mean error at each step ahead, the first step first
 * @param radii conformal calibration of the distances at each step ahead, in {@code unit}: the radius
 *     around a predicted point that held the true one in p of the validation windows (null in manifests
 *     written before)
 */
public record DisplacementErrors(String unit, double ade, double fde, List<Double> perStep, Backtest.Calibration radii) {

    public DisplacementErrors {
        perStep = List.copyOf(perStep);
    }
}
