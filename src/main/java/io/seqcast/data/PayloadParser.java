package io.seqcast.data;

import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns posted sequences into the engine's data, refusing with a JSON pointer to the offending element
 * anything the engine could not use: missing or mixed shapes, non-numbers, NaN, infinities and numbers
 * beyond float range, ragged points, and sizes beyond {@link DataLimits}.
 */
@Component
public class PayloadParser {

    private final DataLimits limits;

    public PayloadParser(DataLimits limits) {
        this.limits = limits;
    }

    /**
     * @param payload the posted data
     * @param pointer where the payload sits in the request ("/data" in a training request, "" in a forecast)
     */
    public ParsedData parse(DataPayload payload, String pointer) {
        if (payload == null) {
            throw new InvalidInputException(pointer.isEmpty() ? "/" : pointer, "data is required: series or trajectories");
        }
        boolean hasSeries = payload.series() != null && !payload.series().isEmpty();
        boolean hasTrajectories = payload.trajectories() != null && !payload.trajectories().isEmpty();
        if (hasSeries == hasTrajectories) {
            throw new InvalidInputException(pointer + (hasSeries ? "/trajectories" : "/series"), hasSeries
                    ? "give either series or trajectories, not both"
                    : "either a non-empty series or a non-empty trajectories array is expected");
        }
        ParsedData parsed = hasSeries ? series(payload, pointer) : trajectories(payload, pointer);
        if (Boolean.TRUE.equals(payload.geographic()) && hasSeries) {
            throw new InvalidInputException(pointer + "/geographic", "geographic applies to trajectories (x longitude,"
                    + " y latitude), not to series");
        }
        if (payload.seasonality() != null && (payload.seasonality() < 1 || payload.seasonality() > 10_000)) {
            throw new InvalidInputException(pointer + "/seasonality",
                    "seasonality must be between 1 and 10000 (1 for none), was " + payload.seasonality());
        }
        return parsed;
    }

    private ParsedData series(DataPayload payload, String pointer) {
        List<SeriesPayload> series = payload.series();
        requireCount(series.size(), pointer + "/series");
        boolean multivariate = payload.features() != null;
        List<String> features = multivariate ? payload.features() : List.of("value");
        checkFeatures(features, pointer + "/features");
        List<Sequence> sequences = new ArrayList<>(series.size());
        List<Timing> timing = new ArrayList<>(series.size());
        Set<String> ids = new HashSet<>();
        // Gaps are filled by the season the request states (given or by frequency), known before any is read.
        int stated = payload.seasonality() != null ? payload.seasonality()
                : series.get(0) == null || series.get(0).frequency() == null || !Timing.valid(series.get(0).frequency())
                        ? 1 : Timing.seasonOf(series.get(0).frequency());
        int filled = 0;
        // Where a season may still be detected (none given, none by frequency), a series with gaps is kept as
        // posted, so that the season found fills them again (ParsedData.withSeason); null for one without.
        List<float[][]> unfilled = payload.seasonality() != null || stated > 1 ? null : new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            String at = pointer + "/series/" + i;
            SeriesPayload one = series.get(i);
            if (one == null) {
                throw new InvalidInputException(at, "series " + i + " is null");
            }
            String id = id(one.id(), i, ids, at);
            float[][] values = multivariate ? matrix(one.values(), features.size(), at + "/values")
                    : column(one.values(), at + "/values");
            if (unfilled != null) {
                unfilled.add(Gaps.any(values) ? Gaps.copy(values) : null);
            }
            filled += Gaps.fill(values, stated, at + "/values", id);
            sequences.add(new Sequence(id, values));
            timing.add(timing(one, at));
        }
        int season = payload.seasonality() != null ? payload.seasonality()
                : timing.get(0) == null ? 1 : Timing.seasonOf(timing.get(0).frequency());
        return new ParsedData(new SequenceData(SequenceKind.SERIES, features, sequences, season), timing, filled,
                filled > 0 ? unfilled : null);
    }

    private ParsedData trajectories(DataPayload payload, String pointer) {
        List<TrajectoryPayload> tracks = payload.trajectories();
        requireCount(tracks.size(), pointer + "/trajectories");
        Boolean hasZ = null;
        Boolean hasT = null;
        boolean geographic = Boolean.TRUE.equals(payload.geographic());
        List<Sequence> sequences = new ArrayList<>(tracks.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < tracks.size(); i++) {
            String at = pointer + "/trajectories/" + i;
            TrajectoryPayload track = tracks.get(i);
            if (track == null || track.points() == null || track.points().isEmpty()) {
                throw new InvalidInputException(at + "/points", "trajectory " + i + " has no points");
            }
            String id = id(track.id(), i, ids, at);
            List<PointPayload> points = track.points();
            requirePoints(points.size(), at + "/points");
            if (hasZ == null) {
                hasZ = points.get(0) != null && points.get(0).z() != null;
                hasT = points.get(0) != null && points.get(0).t() != null;
            }
            int width = 2 + (hasZ ? 1 : 0) + (hasT ? 1 : 0);
            float[][] values = new float[points.size()][width];
            for (int p = 0; p < points.size(); p++) {
                String pointAt = at + "/points/" + p;
                PointPayload point = points.get(p);
                if (point == null) {
                    throw new InvalidInputException(pointAt, "point " + p + " is null");
                }
                if ((point.z() != null) != hasZ || (point.t() != null) != hasT) {
                    throw new InvalidInputException(pointAt, "every point must have the same coordinates: "
                            + (hasZ ? "z" : "no z") + " and " + (hasT ? "t" : "no t") + " as the first point");
                }
                int f = 0;
                values[p][f++] = number(point.x(), pointAt + "/x");
                values[p][f++] = number(point.y(), pointAt + "/y");
                if (hasZ) {
                    values[p][f++] = number(point.z(), pointAt + "/z");
                }
                if (hasT) {
                    values[p][f] = number(point.t(), pointAt + "/t");
                }
                if (geographic && (Math.abs(values[p][1]) > 90 || values[p][0] < -180 || values[p][0] > 360)) {
                    throw new InvalidInputException(pointAt, "a geographic point has x (longitude) in [-180, 360] and"
                            + " y (latitude) in [-90, 90]; got x " + values[p][0] + ", y " + values[p][1]);
                }
            }
            sequences.add(new Sequence(id, values));
        }
        List<String> features = new ArrayList<>(List.of("x", "y"));
        if (hasZ) {
            features.add("z");
        }
        if (hasT) {
            features.add("t");
        }
        int season = payload.seasonality() == null ? 1 : payload.seasonality();
        List<Timing> timing = new ArrayList<>();
        sequences.forEach(s -> timing.add(null));
        return new ParsedData(new SequenceData(SequenceKind.TRAJECTORY, features, sequences, season, geographic), timing,
                0);
    }

    void checkFeatures(List<String> features, String at) {
        if (features.isEmpty() || features.size() > limits.maxFeatures()) {
            throw new InvalidInputException(at, "between 1 and " + limits.maxFeatures() + " features are expected, got "
                    + features.size());
        }
        Set<String> seen = new HashSet<>();
        for (int f = 0; f < features.size(); f++) {
            String name = features.get(f);
            if (name == null || name.isBlank() || name.length() > 64 || !seen.add(name)) {
                throw new InvalidInputException(at + "/" + f, "feature names must be unique, non-blank and at most 64"
                        + " characters");
            }
        }
    }

    static String id(String id, int index, Set<String> seen, String at) {
        String resolved = id == null ? String.valueOf(index) : id;
        if (resolved.length() > 256 || !seen.add(resolved)) {
            throw new InvalidInputException(at + "/id", "ids must be unique and at most 256 characters");
        }
        return resolved;
    }

    private static Timing timing(SeriesPayload series, String at) {
        if (series.start() == null && series.frequency() == null) {
            return null;
        }
        if (series.start() == null || series.frequency() == null) {
            throw new InvalidInputException(at + (series.start() == null ? "/start" : "/frequency"),
                    "start and frequency go together: give both or neither");
        }
        Instant start;
        try {
            start = Instant.parse(series.start());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(at + "/start", "start must be an ISO-8601 instant such as"
                    + " 2024-01-01T00:00:00Z");
        }
        if (!Timing.ordinary(start)) {
            throw new InvalidInputException(at + "/start", "start must lie in the years 1 to 9999, was " + start);
        }
        if (!Timing.valid(series.frequency())) {
            throw new InvalidInputException(at + "/frequency", "frequency must be a positive ISO-8601 period or"
                    + " duration of at most 1000 years, such as PT1H, P1D or P1M");
        }
        return new Timing(start, series.frequency());
    }

    float[][] column(SeriesValues values, String at) {
        if (values == null || values.rows() == 0) {
            throw new InvalidInputException(at, "a non-empty array of numbers is expected");
        }
        requirePoints(values.rows(), at);
        requireValues(values, at);
        if (values.columns() != 0) {
            throw new InvalidInputException(at + "/0", "a number is expected: give features for multivariate series");
        }
        float[][] out = new float[values.rows()][1];
        for (int t = 0; t < out.length; t++) {
            out[t][0] = values.get(t, 0);
        }
        return out;
    }

    float[][] matrix(SeriesValues values, int features, String at) {
        if (values == null || values.rows() == 0) {
            throw new InvalidInputException(at, "a non-empty array of points, each an array of " + features
                    + " numbers, is expected");
        }
        requirePoints(values.rows(), at);
        requireValues(values, at);
        if (values.columns() != features) {
            throw new InvalidInputException(at + "/0", "point 0 must be an array of " + features
                    + " numbers, one per feature");
        }
        float[][] out = new float[values.rows()][features];
        for (int t = 0; t < out.length; t++) {
            for (int f = 0; f < features; f++) {
                out[t][f] = values.get(t, f);
            }
        }
        return out;
    }

    /** Refuses what the reader found not to be a value, at its place in the request. */
    private static void requireValues(SeriesValues values, String at) {
        SeriesValues.Problem problem = values.problem();
        if (problem != null) {
            String place = problem.row() < 0 ? at
                    : at + "/" + problem.row() + (problem.column() < 0 ? "" : "/" + problem.column());
            throw new InvalidInputException(place, problem.message());
        }
    }

    void requireCount(int count, String at) {
        if (count > limits.maxSeries()) {
            throw new InvalidInputException(at, "at most " + limits.maxSeries() + " series per request, got " + count);
        }
    }

    void requirePoints(int count, String at) {
        if (count > limits.maxPointsPerSeries()) {
            throw new InvalidInputException(at, "at most " + limits.maxPointsPerSeries() + " points per series, got "
                    + count);
        }
    }

    private static float number(Double value, String at) {
        if (value == null) {
            throw new InvalidInputException(at, "a number is expected");
        }
        return finite(value, at);
    }

    /** Refuses NaN, infinities and numbers a float cannot hold (1e309 arrives as infinity). */
    private static float finite(double value, String at) {
        float single = (float) value;
        if (!Float.isFinite(single)) {
            throw new InvalidInputException(at, "a finite number within +-3.4e38 is expected, got " + value);
        }
        return single;
    }
}
