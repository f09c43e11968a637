package io.seqcast.engine;

import java.util.List;

/**
 * One forecast taken a network pass at a time, so that the caller decides where and with what else each
 * pass runs: the forecasting module runs the passes of many requests in one batch. A window's output
 * does not depend on the other windows of its batch, so batching never changes a forecast.
 *
 * <p>One thread drives a roll-out: {@link #windows()}, {@link #input()}, then {@link #accept} with the
 * network's output for that input, until no windows are left; then {@link #result()}.
 */
public interface RollOut {

    /** Windows the next network pass takes; 0 once the forecast needs no more passes. */
    int windows();

    /**
     * The next pass's windows, encoded as {@link ForecastModel#pass} takes them: {@link #windows()} times
     * {@link ForecastModel#passInputSize()} floats.
     */
    float[] input();

    /** Takes the network's output for {@link #input()} ({@link ForecastModel#passOutputSize()} per window). */
    void accept(float[] output);

    /**
     * The forecasts, one {@code [horizon][feature]} per history in order, combined with baselines where the
     * model chose to.
     *
     * @throws ForecastTimeoutException when the roll-out's timeout passed
     */
    List<float[][]> result();
}
