package io.seqcast.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.SequenceKind;
import org.junit.jupiter.api.Test;

class CsvPayloadsTest {

    private final PayloadParser parser = new PayloadParser(new DataLimits(100, 1000, 8, org.springframework.util.unit.DataSize.ofMegabytes(1)));

    @Test
    void aSeriesColumnSplitsRowsIntoSeriesAndTimeGivesStartAndFrequency() {
        DataPayload payload = CsvPayloads.parse("""
                series,time,value
                a,2024-01-01T00:00:00Z,1
                a,2024-01-01T01:00:00Z,2
                b,2024-01-01T00:00:00Z,5
                b,2024-01-01T01:00:00Z,6
                b,2024-01-01T02:00:00Z,7
                """, null, null);
        ParsedData parsed = parser.parse(payload, "");
        assertThat(parsed.data().sequences()).extracting(s -> s.id()).containsExactly("a", "b");
        assertThat(parsed.data().sequences().get(1).values()).hasDimensions(3, 1);
        assertThat(parsed.timing().get(0).frequency()).isEqualTo("PT1H");
        assertThat(parsed.data().seasonalPeriod()).isEqualTo(24);
    }

    @Test
    void severalFeatureColumnsMakeAMultivariateSeriesAndXyzMakeATrajectory() {
        ParsedData multivariate = parser.parse(CsvPayloads.parse("\"price\",\"volume\"\n1,10\n2,20\n", null, null), "");
        assertThat(multivariate.data().features()).containsExactly("price", "volume");
        ParsedData track = parser.parse(CsvPayloads.parse("x,y,z\n1,2,3\n2,2,3\n", null, null), "");
        assertThat(track.data().kind()).isEqualTo(SequenceKind.TRAJECTORY);
        assertThat(track.data().features()).containsExactly("x", "y", "z");
    }

    @Test
    void aTimeColumnOfDecimalYearsOnlyLabelsTheRows() {
        ParsedData parsed = parser.parse(CsvPayloads.parse("\"time\",\"value\"\n1871,1120\n1872,1160\n", null, 1), "");
        assertThat(parsed.data().sequences().get(0).values()).hasDimensions(2, 1);
        assertThat(parsed.timing().get(0)).isNull();
    }

    @Test
    void nonNumbersAndRaggedRowsAreRefused() {
        assertThatThrownBy(() -> CsvPayloads.parse("value\n1\nabc\n", null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'abc', not a number");
        assertThatThrownBy(() -> CsvPayloads.parse("a,b\n1,2\n3\n", null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("/csv/2"));
        assertThatThrownBy(() -> parser.parse(CsvPayloads.parse("value\n1\nNaN\n", null, null), ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("finite");
    }

    @Test
    void calendarStepsAreInferredFromInstantsAndKeepForecastsOnTheCalendar() {
        assertThat(frequencyOf("2020-01-31T00:00:00Z", 1, "months")).isEqualTo("P1M");
        assertThat(frequencyOf("2020-01-01T00:00:00Z", 3, "months")).isEqualTo("P3M");
        assertThat(frequencyOf("2020-06-30T00:00:00Z", 3, "month ends")).isEqualTo("P3M");
        assertThat(frequencyOf("2023-04-30T00:00:00Z", 1, "month ends")).isEqualTo("P1M");
        assertThat(frequencyOf("2020-01-01T00:00:00Z", 12, "months")).isEqualTo("P1Y");
        assertThat(frequencyOf("2020-01-06T00:00:00Z", 7, "days")).isEqualTo("P1W");
        assertThat(frequencyOf("2020-03-28T00:00:00Z", 1, "days")).isEqualTo("P1D");
        assertThat(frequencyOf("2020-01-01T00:00:00Z", 60, "minutes")).isEqualTo("PT1H");
        assertThat(frequencyOf("2020-01-01T00:00:00Z", 30, "minutes")).isEqualTo("PT30M");

        ParsedData monthly = parser.parse(CsvPayloads.parse(csv("2020-01-31T00:00:00Z", 1, "months", 30), null, null), "");
        assertThat(monthly.data().seasonalPeriod()).isEqualTo(12);
        assertThat(monthly.timing().get(0).after(30, 2)).extracting(Object::toString)
                .containsExactly("2022-07-31T00:00:00Z", "2022-08-31T00:00:00Z");
        ParsedData quarterEnds = parser.parse(CsvPayloads.parse(csv("2020-06-30T00:00:00Z", 3, "month ends", 30), null, null), "");
        assertThat(quarterEnds.data().seasonalPeriod()).isEqualTo(4);
        assertThat(quarterEnds.timing().get(0).after(30, 2)).extracting(Object::toString)
                .containsExactly("2027-12-31T00:00:00Z", "2028-03-31T00:00:00Z");
        ParsedData halfHourly = parser.parse(CsvPayloads.parse(csv("2020-01-01T00:00:00Z", 30, "minutes", 30), null, null), "");
        assertThat(halfHourly.data().seasonalPeriod()).isEqualTo(48);
    }

    @Test
    void aRowMissingFromTheMonthsIsAMissingValueAndTheStepIsNotDoubled() {
        // 2020-01 .. 2020-12 without March: eleven rows, twelve months.
        StringBuilder csv = new StringBuilder("time,value\n");
        for (int month = 1; month <= 12; month++) {
            if (month != 3) {
                csv.append(String.format("2020-%02d-01T00:00:00Z,%d%n", month, month * 10));
            }
        }
        DataPayload payload = CsvPayloads.parse(csv.toString(), null, 1);
        assertThat(payload.series().get(0).frequency()).isEqualTo("P1M");
        ParsedData parsed = parser.parse(payload, "");
        assertThat(parsed.filled()).isEqualTo(1);
        float[][] values = parsed.data().sequences().get(0).values();
        assertThat(values).hasDimensions(12, 1);
        assertThat(values[2][0]).isEqualTo(30f); // between February's 20 and April's 40
        assertThat(values[11][0]).isEqualTo(120f);
    }

    @Test
    void timesOutOfOrderRepeatedOrOffTheStepsAreRefusedSayingWhich() {
        assertThatThrownBy(() -> CsvPayloads.parse("time,value\n2020-02-01T00:00:00Z,1\n2020-01-01T00:00:00Z,2\n", null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not come after");
        assertThatThrownBy(() -> CsvPayloads.parse("time,value\n2020-01-01T00:00:00Z,1\n2020-01-01T00:00:00Z,2\n", null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("each time once");
        // Steps of 10, 15 and 10 minutes.
        assertThatThrownBy(() -> CsvPayloads.parse("time,value\n2020-01-01T00:00:00Z,1\n2020-01-01T00:10:00Z,2\n"
                + "2020-01-01T00:25:00Z,3\n2020-01-01T00:35:00Z,4\n", null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not on the PT10M steps");
    }

    @Test
    void aMonthlySeriesWithOneRowOffItsMonthIsRefusedNamingThatRowNotReadAsThirtyOneDaySteps() {
        for (int rows : new int[] {13, 144}) {
            StringBuilder csv = new StringBuilder("time,value\n");
            for (int t = 0; t < rows; t++) {
                csv.append(String.format("%d-%02d-%sT00:00:00Z,%d%n", 1949 + t / 12, 1 + t % 12, t == 2 ? "08" : "01", t));
            }
            assertThatThrownBy(() -> CsvPayloads.parse(csv.toString(), null, null))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("time 1949-03-08T00:00:00Z is not on the P1M steps")
                    .hasMessageContaining("the nearest is 1949-03-01T00:00:00Z");
        }
    }

    @Test
    void aRowOffItsStepNamesTheNearestStepWhetherBeforeOrAfterIt() {
        for (String day : new String[] {"10", "22"}) {
            StringBuilder csv = new StringBuilder("time,value\n");
            for (int t = 0; t < 60; t++) {
                csv.append(String.format("%d-%02d-%sT00:00:00Z,%d%n", 1950 + t / 12, 1 + t % 12, t == 37 ? day : "01", t));
            }
            assertThatThrownBy(() -> CsvPayloads.parse(csv.toString(), null, null))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("time 1953-02-" + day + "T00:00:00Z is not on the P1M steps")
                    .hasMessageContaining("the nearest is " + (day.equals("10") ? "1953-02-01" : "1953-03-01"));
        }
    }

    @Test
    void theStepIsTheOneTheRowsKeepNotOneTheirFirstDayOrAJitterSuggests() {
        // The 30th of each month from a 30-day month's end; 30-day steps of a 31-day calendar; a jittery logger.
        DataPayload thirtieths = CsvPayloads.parse("time,value\n2024-04-30T00:00:00Z,1\n2024-05-30T00:00:00Z,2\n"
                + "2024-06-30T00:00:00Z,3\n2024-07-30T00:00:00Z,4\n", null, 1);
        assertThat(thirtieths.series().get(0).frequency()).isEqualTo("P1M");
        assertThat(parser.parse(thirtieths, "").data().sequences().get(0).values()).hasDimensions(4, 1);
        assertThat(CsvPayloads.parse("time,value\n2024-01-01T00:00:00Z,1\n2024-02-01T00:00:00Z,2\n"
                + "2024-03-03T00:00:00Z,3\n2024-04-03T00:00:00Z,4\n", null, 1).series().get(0).frequency()).isEqualTo("P31D");
        assertThat(CsvPayloads.parse("time,value\n2024-01-01T00:00:00Z,1\n2024-01-01T23:00:00Z,2\n"
                + "2024-01-02T22:00:00Z,3\n2024-01-03T21:00:00Z,4\n", null, 1).series().get(0).frequency()).isEqualTo("PT23H");
        StringBuilder logger = new StringBuilder("time,value\n2024-01-01T00:00:00Z,0\n2024-01-01T00:00:59Z,1\n");
        for (int minute = 2; minute <= 30; minute++) {
            logger.append(String.format("2024-01-01T00:%02d:00Z,%d%n", minute, minute));
        }
        DataPayload jittery = CsvPayloads.parse(logger.toString(), null, 1);
        assertThat(jittery.series().get(0).frequency()).isEqualTo("PT1M");
        assertThat(parser.parse(jittery, "").data().sequences().get(0).values()).hasDimensions(31, 1);
    }

    @Test
    void aFrequencyOrTimeThatRunsOffTheCalendarIsABadRequest() {
        for (String frequency : new String[] {"P999999999Y", "PT9999999999999H"}) {
            assertThatThrownBy(() -> parser.parse(CsvPayloads.parse("time,value\n2024-01-01T00:00:00Z,1\n"
                    + "2025-01-01T00:00:00Z,2\n", frequency, 1), ""))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 1000 years");
        }
        assertThatThrownBy(() -> CsvPayloads.parse("time,value\n+999999999-01-01T00:00:00Z,1\n"
                + "+999999999-02-01T00:00:00Z,2\n", null, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("years 1 to 9999");
    }

    @Test
    void weekdaysOnlyAreRefusedAsTooManyMissingDaysWithTheWayOut() {
        StringBuilder csv = new StringBuilder("time,value\n");
        java.time.LocalDate day = java.time.LocalDate.of(2024, 1, 1); // a Monday
        for (int i = 0; i < 60; i++, day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5) {
                csv.append(day).append("T00:00:00Z,").append(i).append('\n');
            }
        }
        assertThatThrownBy(() -> CsvPayloads.parse(csv.toString(), null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("weekends")
                .hasMessageContaining("leave the time column out");
    }

    @Test
    void daysAcrossAChangeOfClockOffsetAndAByteOrderMarkAreRead() {
        DataPayload payload = CsvPayloads.parse("\uFEFFtime,value\n2024-03-30T00:00:00+01:00,1\n"
                + "2024-03-31T00:00:00+01:00,2\n2024-04-01T00:00:00+02:00,3\n2024-04-02T00:00:00+02:00,4\n", null, 1);
        assertThat(payload.series().get(0).frequency()).isEqualTo("P1D");
        assertThat(parser.parse(payload, "").data().sequences().get(0).values()).hasDimensions(4, 1);
    }

    private static String frequencyOf(String start, int step, String unit) {
        return CsvPayloads.parse(csv(start, step, unit, 30), null, null).series().get(0).frequency();
    }

    private static String csv(String start, int step, String unit, int rows) {
        StringBuilder csv = new StringBuilder("time,value\n");
        java.time.ZonedDateTime first = java.time.Instant.parse(start).atZone(java.time.ZoneOffset.UTC);
        for (int i = 0; i < rows; i++) {
            java.time.ZonedDateTime at = switch (unit) {
                case "months" -> first.plusMonths((long) step * i);
                case "month ends" -> first.plusMonths((long) step * i).with(java.time.temporal.TemporalAdjusters.lastDayOfMonth());
                case "days" -> first.plusDays((long) step * i);
                default -> first.plusMinutes((long) step * i);
            };
            csv.append(at.toInstant()).append(',').append(i % 7).append('\n');
        }
        return csv.toString();
    }
}
