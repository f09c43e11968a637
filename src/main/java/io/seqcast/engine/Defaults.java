package io.seqcast.engine;

/**
 * Model settings for a dataset when the caller leaves them out. The values come from measurements on
 * the real series in bench/ (bench/README.md), where they beat the seasonal naive forecast.
 */
public final class Defaults {

    /** Input window of a non-seasonal series; seasonal ones read two seasons. */
    static final int NON_SEASONAL_WINDOW = 16;

    private Defaults() {}

    /**
     * The window the model reads: two seasons (or {@value #NON_SEASONAL_WINDOW} points without a
     * season), shortened so that the shortest series still yields as many training windows as its
     * window is long.
     */
    public static int window(int seasonalPeriod, int shortestSeries, int horizon) {
        int preferred = seasonalPeriod > 1 ? Math.max(2 * seasonalPeriod, 8) : NON_SEASONAL_WINDOW;
        int affordable = Math.max(1, (shortestSeries - horizon) / 2);
        return Math.min(preferred, affordable);
    }

    /** A model spec with every default but the horizon, which only the caller knows. */
    public static ModelSpec spec(SequenceData data, int horizon) {
        int shortest = data.sequences().stream().mapToInt(Sequence::length).min().orElse(0);
        return new ModelSpec(ModelSpec.DEFAULT.cell(), ModelSpec.DEFAULT.hiddenSize(), ModelSpec.DEFAULT.layers(),
                ModelSpec.DEFAULT.dropout(), window(data.seasonalPeriod(), shortest, horizon), horizon);
    }
}
