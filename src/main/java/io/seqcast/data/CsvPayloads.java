package io.seqcast.data;

import io.seqcast.engine.InvalidInputException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code text/csv} into the same payload as JSON. A header row names the columns: an optional
 * {@code series} column (rows with the same value form one series, in row order), an optional
 * {@code time} column (ISO-8601 instants: the first gives the series' start, and a row missing from the
 * regular steps is a missing value; any other time, such as the decimal years of R exports, only labels the
 * rows), and the features. Columns
 * {@code x}, {@code y} and optionally {@code z} and {@code t}, and nothing else, make trajectories.
 */
public final class CsvPayloads {

    private static final Set<String> TRAJECTORY_COLUMNS = Set.of("x", "y", "z", "t");

    private CsvPayloads() {}

    /**
     * @param frequency ISO-8601 period or duration between rows; inferred from the times when omitted
     */
    public static DataPayload parse(String csv, String frequency, Integer seasonality) {
        // Excel's "CSV UTF-8" starts with a byte order mark, which would become part of the first column's name.
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        if (lines.size() < 2) {
            throw new InvalidInputException("/csv", "a header row and at least one data row are expected");
        }
        List<String> header = cells(lines.get(0));
        if (header.contains("text") && header.contains("label")) {
            return labelled(lines, header);
        }
        int seriesColumn = header.indexOf("series");
        int timeColumn = header.indexOf("time");
        List<Integer> featureColumns = new ArrayList<>();
        List<String> features = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c != seriesColumn && c != timeColumn) {
                featureColumns.add(c);
                features.add(header.get(c));
            }
        }
        if (features.isEmpty()) {
            throw new InvalidInputException("/csv/0", "at least one feature column is expected besides series and time");
        }
        boolean trajectories = TRAJECTORY_COLUMNS.containsAll(features) && features.contains("x")
                && features.contains("y");
        Map<String, List<String[]>> rowsBySeries = new LinkedHashMap<>();
        for (int r = 1; r < lines.size(); r++) {
            String[] row = cells(lines.get(r)).toArray(String[]::new);
            if (row.length != header.size()) {
                throw new InvalidInputException("/csv/" + r, "row " + r + " has " + row.length + " columns, the header "
                        + header.size());
            }
            rowsBySeries.computeIfAbsent(seriesColumn < 0 ? "0" : row[seriesColumn], k -> new ArrayList<>()).add(row);
        }
        List<SeriesPayload> series = new ArrayList<>();
        List<TrajectoryPayload> tracks = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> entry : rowsBySeries.entrySet()) {
            List<String[]> rows = entry.getValue();
            if (trajectories) {
                List<PointPayload> points = new ArrayList<>(rows.size());
                for (String[] row : rows) {
                    points.add(new PointPayload(value(row, header, "x"), value(row, header, "y"),
                            header.contains("z") ? value(row, header, "z") : null,
                            header.contains("t") ? value(row, header, "t") : null));
                }
                tracks.add(new TrajectoryPayload(entry.getKey(), points));
            } else {
                boolean instants = timeColumn >= 0 && isInstant(rows.get(0)[timeColumn]);
                Instant[] times = instants ? instants(rows, timeColumn, entry.getKey()) : null;
                String step;
                try {
                    step = !instants ? null : frequency != null ? frequency : inferFrequency(times, entry.getKey());
                } catch (java.time.DateTimeException e) {
                    throw new InvalidInputException("/csv", "series " + entry.getKey() + ": its times run past the"
                            + " calendar's range");
                }
                int[] steps = instants && Timing.valid(step) ? TimeGrid.steps(times, step, entry.getKey())
                        : java.util.stream.IntStream.range(0, rows.size()).toArray();
                double[][] table = new double[steps[steps.length - 1] + 1][featureColumns.size()];
                for (double[] missing : table) {
                    Arrays.fill(missing, Double.NaN);
                }
                for (int r = 0; r < rows.size(); r++) {
                    for (int f = 0; f < featureColumns.size(); f++) {
                        int c = featureColumns.get(f);
                        table[steps[r]][f] = numberOrMissing(rows.get(r)[c], header.get(c));
                    }
                }
                SeriesValues values = features.size() == 1 ? SeriesValues.ofColumn(table) : SeriesValues.ofRows(table);
                series.add(new SeriesPayload(entry.getKey(), values, instants ? rows.get(0)[timeColumn] : null, step));
            }
        }
        return trajectories ? new DataPayload(null, null, tracks, seasonality)
                : new DataPayload(features.size() == 1 ? null : features, series, null, seasonality);
    }

    /** Classification data: a text and a label per row (an optional id column names them). */
    private static DataPayload labelled(List<String> lines, List<String> header) {
        int text = header.indexOf("text");
        int label = header.indexOf("label");
        int id = header.indexOf("id");
        List<LabelledPayload> sequences = new ArrayList<>(lines.size() - 1);
        for (int r = 1; r < lines.size(); r++) {
            List<String> row = cells(lines.get(r));
            if (row.size() != header.size()) {
                throw new InvalidInputException("/csv/" + r, "row " + r + " has " + row.size() + " columns, the header "
                        + header.size());
            }
            sequences.add(new LabelledPayload(id < 0 ? null : row.get(id), row.get(text), null, row.get(label)));
        }
        return DataPayload.labelled(null, sequences);
    }

    private static boolean isInstant(String cell) {
        try {
            Instant.parse(cell);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Every row's instant; they must increase. */
    private static Instant[] instants(List<String[]> rows, int timeColumn, String series) {
        Instant[] times = new Instant[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            try {
                times[r] = Instant.parse(rows.get(r)[timeColumn]);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("/csv", "series " + series + ": time '" + abbreviate(rows.get(r)[timeColumn])
                        + "' is not an ISO-8601 instant like the first row's, such as 2024-01-01T00:00:00Z");
            }
            if (!Timing.ordinary(times[r])) {
                throw new InvalidInputException("/csv", "series " + series + ": time " + times[r] + " is not in the years"
                        + " 1 to 9999");
            }
            if (r > 0 && !times[r].isAfter(times[r - 1])) {
                throw new InvalidInputException("/csv", "series " + series + ": time " + times[r] + " does not come after"
                        + " the row before it (" + times[r - 1] + "): a series' rows must be in time order, each time once");
            }
        }
        return times;
    }

    /**
     * The step between rows, from the median step of the first 25 (so that neither a missing row nor a logger's
     * jitter sets it): a calendar step (P1M, P3M, P1Y, P1W, P1D) where the first rows fall on it by the calendar
     * in UTC, else the exact duration (PT1H, PT30M, ...). {@link TimeGrid} then checks every row against it.
     */
    private static String inferFrequency(Instant[] times, String series) {
        if (times.length < 2) {
            throw new InvalidInputException("/csv", "give a frequency query parameter: one row per series leaves"
                    + " nothing to infer it from");
        }
        Instant[] head = Arrays.copyOf(times, Math.min(times.length, 25));
        Integer[] pairs = new Integer[head.length - 1];
        for (int r = 1; r < head.length; r++) {
            pairs[r - 1] = r;
        }
        Arrays.sort(pairs, java.util.Comparator.comparing(r -> Duration.between(head[r - 1], head[r])));
        int median = pairs[(pairs.length - 1) / 2];
        ZonedDateTime from = head[median - 1].atZone(ZoneOffset.UTC);
        ZonedDateTime to = head[median].atZone(ZoneOffset.UTC);
        List<String> candidates = new ArrayList<>();
        // Calendar steps are matched within the hour a change of clock offset moves them; month ends count
        // short (31 Jan to 29 Feb is "0 months"), so the next whole month is tried too.
        ZonedDateTime late = to.plus(TimeGrid.CALENDAR_TOLERANCE);
        long between = ChronoUnit.MONTHS.between(from, late);
        boolean monthEnd = Timing.isMonthEnd(from) && Timing.isMonthEnd(to);
        for (long months = Math.max(1, between); months <= between + 1; months++) {
            if (TimeGrid.near(monthEnd ? from.plusMonths(months).with(TemporalAdjusters.lastDayOfMonth())
                    : from.plusMonths(months), to)) {
                candidates.add(months % 12 == 0 ? "P" + months / 12 + "Y" : "P" + months + "M");
            }
        }
        long days = ChronoUnit.DAYS.between(from, late);
        if (days > 0 && TimeGrid.near(from.plusDays(days), to)) {
            candidates.add(days % 7 == 0 ? "P" + days / 7 + "W" : "P" + days + "D");
        }
        candidates.add(Duration.between(from, to).toString());
        // The step the first rows keep best: an exact one where they keep it rather than the calendar's (31 days,
        // not a month), the calendar's where one row is off it, so that TimeGrid names that row rather than every
        // row drifting off a 31-day step; the calendar's on a tie.
        String best = candidates.get(0);
        long bestOff = Long.MAX_VALUE;
        for (String candidate : candidates) {
            long off = TimeGrid.secondsOff(head, candidate);
            if (off < bestOff) {
                best = candidate;
                bestOff = off;
            }
        }
        return best;
    }

    private static Double value(String[] row, List<String> header, String column) {
        return number(row[header.indexOf(column)], column);
    }

    /** A cell's number, or NaN for a missing one (empty, NA or null, as R and spreadsheets write it): filled later. */
    private static double numberOrMissing(String cell, String column) {
        String trimmed = cell.trim();
        return trimmed.isEmpty() || trimmed.equals("NA") || trimmed.equals("null") ? Double.NaN : number(cell, column);
    }

    private static double number(String cell, String column) {
        try {
            double value = Double.parseDouble(cell.trim());
            if (Double.isNaN(value)) {
                throw new InvalidInputException("/csv", "column '" + column + "' holds 'NaN', not a finite number (an"
                        + " empty cell marks a missing value)");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("/csv", "column '" + column + "' holds '" + abbreviate(cell)
                    + "', not a number");
        }
    }

    private static String abbreviate(String cell) {
        return cell.length() > 40 ? cell.substring(0, 40) + "..." : cell;
    }

    /** Comma-separated cells; double quotes around a cell are removed (quoted commas are not supported). */
    private static List<String> cells(String line) {
        return Arrays.stream(line.split(",", -1)).map(String::trim)
                .map(c -> c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1) : c)
                .toList();
    }
}
