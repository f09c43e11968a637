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
 * {@code time} column (ISO-8601 instants: the first gives the series' start; any other time, such as the
 * decimal years of R exports, only labels the rows), and the features. Columns
 * {@code x}, {@code y} and optionally {@code z} and {@code t}, and nothing else, make trajectories.
 */
public final class CsvPayloads {

    private static final Set<String> TRAJECTORY_COLUMNS = Set.of("x", "y", "z", "t");

    private CsvPayloads() {}

    /**
     * @param frequency ISO-8601 period or duration between rows; inferred from the times when omitted
     */
    public static DataPayload parse(String csv, String frequency, Integer seasonality) {
        List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
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
                double[][] table = new double[rows.size()][featureColumns.size()];
                for (int r = 0; r < rows.size(); r++) {
                    for (int f = 0; f < featureColumns.size(); f++) {
                        int c = featureColumns.get(f);
                        table[r][f] = numberOrMissing(rows.get(r)[c], header.get(c));
                    }
                }
                SeriesValues values = features.size() == 1 ? SeriesValues.ofColumn(table) : SeriesValues.ofRows(table);
                boolean instants = timeColumn >= 0 && isInstant(rows.get(0)[timeColumn]);
                String start = instants ? rows.get(0)[timeColumn] : null;
                String step = !instants ? null : frequency != null ? frequency : inferFrequency(rows, timeColumn);
                series.add(new SeriesPayload(entry.getKey(), values, start, step));
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

    /**
     * The step between rows, from their instants: a calendar step (P1M, P3M, P1Y, P1W, P1D) when the
     * rows fall on the same day and time each step by the calendar in UTC, else the exact duration
     * (PT1H, PT30M, ...). Up to the first 25 rows are checked; irregular ones get the first step.
     */
    private static String inferFrequency(List<String[]> rows, int timeColumn) {
        if (rows.size() < 2) {
            throw new InvalidInputException("/csv", "give a frequency query parameter: one row per series leaves"
                    + " nothing to infer it from");
        }
        List<ZonedDateTime> times = new ArrayList<>();
        try {
            for (int r = 0; r < Math.min(rows.size(), 25); r++) {
                times.add(Instant.parse(rows.get(r)[timeColumn]).atZone(ZoneOffset.UTC));
            }
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("/csv", "time must hold ISO-8601 instants such as 2024-01-01T00:00:00Z");
        }
        ZonedDateTime first = times.get(0);
        // Month ends count short (31 Jan to 29 Feb is "0 months"), so the next whole month is tried too.
        long between = ChronoUnit.MONTHS.between(first, times.get(1));
        long months = first.plusMonths(between + 1).equals(times.get(1)) ? between + 1 : between;
        boolean monthEnd = Timing.isMonthEnd(first);
        if (months > 0 && steps(times, i -> monthEnd ? first.plusMonths(months * i).with(TemporalAdjusters.lastDayOfMonth())
                : first.plusMonths(months * i))) {
            return months % 12 == 0 ? "P" + months / 12 + "Y" : "P" + months + "M";
        }
        long days = ChronoUnit.DAYS.between(first, times.get(1));
        if (days > 0 && steps(times, i -> first.plusDays(days * i))) {
            return days % 7 == 0 ? "P" + days / 7 + "W" : "P" + days + "D";
        }
        return Duration.between(first, times.get(1)).toString();
    }

    private static boolean steps(List<ZonedDateTime> times, java.util.function.LongFunction<ZonedDateTime> expected) {
        for (int i = 1; i < times.size(); i++) {
            if (!times.get(i).equals(expected.apply(i))) {
                return false;
            }
        }
        return true;
    }

    private static Double value(String[] row, List<String> header, String column) {
        return number(row[header.indexOf(column)], column);
    }

    /** An empty cell, NA or null (as R and spreadsheets write a missing value) is null: filled later. */
    /** A cell's number, or NaN for a missing one (empty, NA or null). */
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
