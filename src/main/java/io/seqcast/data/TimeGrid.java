package io.seqcast.data;

import io.seqcast.engine.InvalidInputException;
import java.time.Duration;
import java.time.Instant;

/**
 * Rows with instants placed on the regular steps of a frequency from the first row: each row's step. A row
 * close enough to its step is on it (within an hour for calendar steps, which a change of clock offset moves;
 * a quarter step for exact ones, a logger's jitter); steps no row is on are missing values.
 */
final class TimeGrid {

    static final Duration CALENDAR_TOLERANCE = Duration.ofHours(1);

    private TimeGrid() {}

    /** Whether a calendar step's {@code expected} time and the {@code actual} one are the same but for the offset. */
    static boolean near(java.time.ZonedDateTime expected, java.time.ZonedDateTime actual) {
        return Duration.between(expected, actual).abs().compareTo(CALENDAR_TOLERANCE) <= 0;
    }

    /**
     * @param times increasing
     * @throws InvalidInputException when a row is off the steps, or so many steps have no row that more than
     *     {@link Gaps#MAX_MISSING_SHARE} of the series would be missing
     */
    static int[] steps(Instant[] times, String frequency, String series) {
        Timing timing = new Timing(times[0], frequency);
        Duration tolerance = frequency.contains("T") ? Duration.parse(frequency).dividedBy(4) : CALENDAR_TOLERANCE;
        long mostSteps = (long) Math.ceil(times.length / (1 - Gaps.MAX_MISSING_SHARE));
        int[] steps = new int[times.length];
        int step = 0;
        for (int r = 1; r < times.length; r++) {
            step++;
            while (timing.at(step).plus(tolerance).isBefore(times[r])) {
                if (++step >= mostSteps) {
                    throw new InvalidInputException("/csv", String.format("series %s: its %d rows fill fewer than %d %%"
                            + " of the %s steps from %s to %s, so more than %d %% of its values would be missing (days"
                            + " a calendar skips, such as weekends, count as missing); leave the time column out to take"
                            + " the rows as consecutive observations", series, times.length,
                            Math.round((1 - Gaps.MAX_MISSING_SHARE) * 100), frequency, times[0], times[times.length - 1],
                            Math.round(Gaps.MAX_MISSING_SHARE * 100)));
                }
            }
            if (Duration.between(timing.at(step), times[r]).abs().compareTo(tolerance) > 0) {
                throw new InvalidInputException("/csv", "series " + series + ": time " + times[r] + " is not on the "
                        + frequency + " steps from the first row's (" + times[0] + "; the nearest is " + timing.at(step)
                        + "): rows must come at regular steps, a missing row being a missing value; give the frequency"
                        + " query parameter if " + frequency + " is wrong, or leave the time column out to take the rows"
                        + " as consecutive observations");
            }
            steps[r] = step;
        }
        return steps;
    }
}
