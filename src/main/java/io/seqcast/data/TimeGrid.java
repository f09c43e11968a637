package io.seqcast.data;

import io.seqcast.engine.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Rows with instants placed on the regular steps of a frequency from the first row: each row's step. A row
 * close enough to its step is on it (within an hour for calendar steps, which a change of clock offset moves;
 * a quarter step for exact ones, a logger's jitter); steps no row is on are missing values. Calendar steps from
 * a month end are taken to month ends or to the same day of the month, whichever the rows follow.
 */
final class TimeGrid {

    static final Duration CALENDAR_TOLERANCE = Duration.ofHours(1);

    private final Timing timing;
    private final ZonedDateTime start;
    private final Period period;
    private final Duration tolerance;

    private TimeGrid(Instant start, String frequency) {
        this.timing = new Timing(start, frequency);
        this.start = start.atZone(ZoneOffset.UTC);
        boolean exact = frequency.contains("T");
        this.period = exact ? null : Period.parse(frequency);
        this.tolerance = exact ? Duration.parse(frequency).dividedBy(4) : CALENDAR_TOLERANCE;
    }

    /** Whether a calendar step's {@code expected} time and the {@code actual} one are the same but for the offset. */
    static boolean near(ZonedDateTime expected, ZonedDateTime actual) {
        return Duration.between(expected, actual).abs().compareTo(CALENDAR_TOLERANCE) <= 0;
    }

    /**
     * @param times increasing
     * @throws InvalidInputException when a row is off the steps, when so many steps have no row that more than
     *     {@link Gaps#MAX_MISSING_SHARE} of the series would be missing, or when the steps leave the calendar
     */
    static int[] steps(Instant[] times, String frequency, String series) {
        try {
            return new TimeGrid(times[0], frequency).place(times, frequency, series);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new InvalidInputException("/csv", "series " + series + ": steps of " + frequency + " from "
                    + times[0] + " run past the calendar's range");
        }
    }

    private int[] place(Instant[] times, String frequency, String series) {
        long mostSteps = (long) Math.ceil(times.length / (1 - Gaps.MAX_MISSING_SHARE));
        int[] steps = new int[times.length];
        int step = 0;
        for (int r = 1; r < times.length; r++) {
            step++;
            while (latest(step).plus(tolerance).isBefore(times[r])) {
                if (++step >= mostSteps) {
                    throw new InvalidInputException("/csv", String.format("series %s: its %d rows fill fewer than %d %%"
                            + " of the %s steps from %s to %s, so more than %d %% of its values would be missing (days"
                            + " a calendar skips, such as weekends, count as missing); leave the time column out to take"
                            + " the rows as consecutive observations", series, times.length,
                            Math.round((1 - Gaps.MAX_MISSING_SHARE) * 100), frequency, times[0], times[times.length - 1],
                            Math.round(Gaps.MAX_MISSING_SHARE * 100)));
                }
            }
            if (!on(timing.at(step), times[r]) && !on(sameDay(step), times[r])) {
                Instant nearest = distance(step - 1, times[r]) < distance(step, times[r]) ? timing.at(step - 1)
                        : timing.at(step);
                throw new InvalidInputException("/csv", "series " + series + ": time " + times[r] + " is not on the "
                        + frequency + " steps from the first row's (" + times[0] + "; the nearest is " + nearest
                        + "): rows must come at regular steps, a missing row being a missing value; give the frequency"
                        + " query parameter if " + frequency + " is wrong, or leave the time column out to take the rows"
                        + " as consecutive observations");
            }
            steps[r] = step;
        }
        return steps;
    }

    /**
     * How far, in seconds, {@code times} lie in all from the steps of {@code frequency} from the first: each
     * row on the nearest step after the row before's. {@link Long#MAX_VALUE} where the rows would leave more
     * than {@link Gaps#MAX_MISSING_SHARE} of the steps empty or the steps leave the calendar. Of the steps
     * the rows suggest, the one they keep best.
     */
    static long secondsOff(Instant[] times, String frequency) {
        try {
            TimeGrid grid = new TimeGrid(times[0], frequency);
            long mostSteps = (long) Math.ceil(times.length / (1 - Gaps.MAX_MISSING_SHARE));
            long off = 0;
            int step = 0;
            for (int r = 1; r < times.length; r++) {
                step++;
                while (grid.distance(step + 1, times[r]) < grid.distance(step, times[r])) {
                    if (++step >= mostSteps) {
                        return Long.MAX_VALUE;
                    }
                }
                off = Math.addExact(off, grid.distance(step, times[r]));
            }
            return off;
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Seconds from {@code actual} to step {@code step}, on whichever of its two days (month end or same day) is nearer. */
    private long distance(int step, Instant actual) {
        return Math.min(Duration.between(timing.at(step), actual).abs().toSeconds(),
                Duration.between(sameDay(step), actual).abs().toSeconds());
    }

    private boolean on(Instant expected, Instant actual) {
        return Duration.between(expected, actual).abs().compareTo(tolerance) <= 0;
    }

    /** A calendar step on the first row's day of the month (clamped), even where that is a month end. */
    private Instant sameDay(int step) {
        return period == null ? timing.at(step) : start.plus(period.multipliedBy(step)).toInstant();
    }

    private Instant latest(int step) {
        Instant a = timing.at(step);
        Instant b = sameDay(step);
        return a.isAfter(b) ? a : b;
    }
}
