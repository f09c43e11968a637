package io.seqcast.engine;

/**
 * One series or trajectory: {@code values[time][feature]}, oldest first.
 *
 * @param id the caller's name for it, echoed in forecasts
 * @param values observations, one row per time step, one column per feature
 */
public record Sequence(String id, float[][] values) {

    public int length() {
        return values.length;
    }
}
