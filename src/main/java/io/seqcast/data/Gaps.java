package io.seqcast.data;

import io.seqcast.engine.InvalidInputException;
import java.util.Arrays;

/**
 * Fills missing values (NaN here, {@code null} or an empty CSV cell in a request) of one series in
 * place: from one season earlier (or later) where there is a season and that value is known, plus the
 * change over a season around it (so that a trend carries over), else by
 * linear interpolation between the known neighbours, else (at either end) the nearest known value. A
 * series with more than a fifth of a feature missing is refused: filling would invent its shape.
 */
final class Gaps {

    static final double MAX_MISSING_SHARE = 0.2;

    private Gaps() {}

    /** Whether any value is missing. */
    static boolean any(float[][] values) {
        for (float[] row : values) {
            for (float value : row) {
                if (Float.isNaN(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A copy, row by row. */
    static float[][] copy(float[][] values) {
        float[][] copy = new float[values.length][];
        for (int t = 0; t < values.length; t++) {
            copy[t] = values[t].clone();
        }
        return copy;
    }

    /** Fills {@code values} in place and returns how many values were filled. */
    static int fill(float[][] values, int season, String at, String series) {
        int filled = 0;
        int features = values[0].length;
        for (int f = 0; f < features; f++) {
            int missing = 0;
            for (float[] row : values) {
                missing += Float.isNaN(row[f]) ? 1 : 0;
            }
            if (missing == 0) {
                continue;
            }
            if (missing > MAX_MISSING_SHARE * values.length) {
                throw new InvalidInputException(at, String.format("series %s%s: %d of %d values are missing; at most"
                        + " %d %% may be, to be filled", series, features > 1 ? ", feature " + f : "", missing,
                        values.length, Math.round(MAX_MISSING_SHARE * 100)));
            }
            boolean[] known = new boolean[values.length];
            for (int t = 0; t < values.length; t++) {
                known[t] = !Float.isNaN(values[t][f]);
            }
            for (int t = 0; t < values.length; t++) {
                if (!known[t]) {
                    values[t][f] = estimate(values, known, t, f, season);
                    filled++;
                }
            }
        }
        return filled;
    }

    private static float estimate(float[][] values, boolean[] known, int t, int f, int season) {
        if (season > 1) {
            if (t - season >= 0 && known[t - season]) {
                return (float) (values[t - season][f] + seasonalChange(values, known, t, f, season));
            }
            if (t + season < values.length && known[t + season]) {
                return (float) (values[t + season][f] - seasonalChange(values, known, t + season, f, season));
            }
        }
        return interpolated(values, known, t, f);
    }

    /**
     * The change over one season to step {@code t}: the median of the known changes over a season at the
     * steps within a season of it (a trend carried across the season; the median, so that neither the noise
     * of one pair nor a spike next to the gap moves it). 0 where none is known.
     */
    private static double seasonalChange(float[][] values, boolean[] known, int t, int f, int season) {
        double[] changes = new double[2 * season];
        int count = 0;
        for (int s = Math.max(season, t - season); s <= Math.min(values.length - 1, t + season); s++) {
            if (s != t && known[s] && known[s - season]) {
                changes[count++] = values[s][f] - values[s - season][f];
            }
        }
        if (count == 0) {
            return 0;
        }
        Arrays.sort(changes, 0, count);
        return count % 2 == 1 ? changes[count / 2] : (changes[count / 2 - 1] + changes[count / 2]) / 2;
    }

    private static float interpolated(float[][] values, boolean[] known, int t, int f) {
        int before = t - 1;
        while (before >= 0 && !known[before]) {
            before--;
        }
        int after = t + 1;
        while (after < values.length && !known[after]) {
            after++;
        }
        if (before < 0) {
            return values[after][f];
        }
        if (after >= values.length) {
            return values[before][f];
        }
        double share = (double) (t - before) / (after - before);
        return (float) (values[before][f] + share * (values[after][f] - values[before][f]));
    }
}
