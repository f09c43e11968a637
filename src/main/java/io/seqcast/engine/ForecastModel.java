package io.seqcast.engine;

import java.time.Duration;
import java.util.List;

/**
 * A trained model held in native memory. Thread-safe: many threads may forecast at once. Close it to
 * free its native memory; a closed model refuses to forecast.
 */
public interface ForecastModel extends SavedModel, NetworkPasses {

    /**
     * Forecasts every history {@code horizon} steps ahead, in one batch. The last {@code window}
     * points of each history are used. A horizon up to the model's is predicted directly, a longer
     * one by feeding predictions back in (roll-out), up to the engine's configured maximum.
     *
     * @param histories each {@code [time][feature]}, at least {@code window} steps long
     * @return one {@code [horizon][feature]} forecast per history, in the same order
     * @throws InvalidInputException for histories that are too short, have the wrong feature count or
     *     non-finite values, or a horizon outside 1..maximum
     */
    default List<float[][]> forecast(List<float[][]> histories, int horizon) {
        return forecast(histories, horizon, null);
    }

    /**
     * As {@link #forecast(List, int)}, stopping once {@code timeout} (null: none) has passed.
     *
     * @throws ForecastTimeoutException when the timeout passed before the forecast was complete
     */
    List<float[][]> forecast(List<float[][]> histories, int horizon, Duration timeout);

    /**
     * Starts the forecast {@link #forecast(List, int, Duration)} makes, leaving its network passes to the
     * caller (see {@link RollOut}); the same checks apply, and the same numbers come out.
     *
     * @param timeout how long the roll-out may take from now (null: no limit); checked between passes and
     *     between series
     */
    RollOut rollOut(List<float[][]> histories, int horizon, Duration timeout);

    /**
     * The work a forecast of {@code series} histories {@code horizon} steps ahead takes, in
     * multiply-adds (plus a fixed amount per window): one forward pass per window and roll-out step, and
     * the refit of exponential smoothing per series where the model blends it in or its network reads it.
     * Saturates instead of overflowing.
     */
    long forecastWork(int series, int horizon);

}
