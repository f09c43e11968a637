package io.seqcast.data;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * When a series starts and how far apart its values are. Calendar frequencies (P1M) step by the
 * calendar in UTC; exact ones (PT15M) by a fixed duration.
 */
public record Timing(Instant start, String frequency) {

    /** The instants of the {@code count} steps that follow the first {@code observed} ones. */
    public List<Instant> after(int observed, int count) {
        List<Instant> instants = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            instants.add(at(observed + k));
        }
        return instants;
    }

    Instant at(long step) {
        if (isCalendar(frequency)) {
            Period period = Period.parse(frequency);
            ZonedDateTime from = start.atZone(ZoneOffset.UTC);
            if (period.getDays() == 0 && period.toTotalMonths() > 0 && isMonthEnd(from)) {
                return from.plusMonths(period.toTotalMonths() * step).with(TemporalAdjusters.lastDayOfMonth()).toInstant();
            }
            return from.plus(period.multipliedBy(Math.toIntExact(step))).toInstant();
        }
        return start.plus(Duration.parse(frequency).multipliedBy(step));
    }

    /**
     * Season length implied by a frequency: a day of quarter-hours, half-hours or hours, a week of days,
     * a year of weeks, months or quarters; 1 otherwise.
     */
    static int seasonOf(String frequency) {
        return switch (frequency) {
            case "PT15M" -> 96;
            case "PT30M" -> 48;
            case "PT1H" -> 24;
            case "P1D" -> 7;
            case "P1W", "P7D" -> 52;
            case "P1M" -> 12;
            case "P3M" -> 4;
            default -> 1;
        };
    }

    /** Longest step: a series a step a millennium has no time stamps to forecast, and longer ones leave the calendar. */
    private static final long MAX_YEARS = 1000;

    /** Checks that {@code frequency} is a positive ISO-8601 period or duration of at most a thousand years. */
    static boolean valid(String frequency) {
        try {
            if (isCalendar(frequency)) {
                Period period = Period.parse(frequency);
                return !period.isNegative() && !period.isZero() && period.toTotalMonths() <= 12 * MAX_YEARS
                        && period.getDays() <= 366 * MAX_YEARS;
            }
            Duration duration = Duration.parse(frequency);
            return !duration.isNegative() && !duration.isZero() && duration.toDays() <= 366 * MAX_YEARS;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

    /** Whether an instant lies in the years 1 to 9999, which a thousand steps of any valid frequency stay near. */
    static boolean ordinary(Instant instant) {
        return !instant.isBefore(FIRST) && !instant.isAfter(LAST);
    }

    /** Month-end data steps from month end to month end (30 Apr, 31 May, 30 Jun), as it is kept. */
    static boolean isMonthEnd(ZonedDateTime at) {
        return at.getDayOfMonth() == at.toLocalDate().lengthOfMonth();
    }

    private static boolean isCalendar(String frequency) {
        return !frequency.contains("T");
    }
}
