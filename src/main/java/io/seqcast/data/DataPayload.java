package io.seqcast.data;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Sequences as posted: either {@code series} (univariate, or multivariate with {@code features}) or
 * {@code trajectories} to forecast, or labelled {@code sequences} to classify.
 */
@Schema(description = "Either series (univariate, or multivariate with features) or trajectories to forecast, or"
        + " labelled sequences (texts, or values) for a classification task")
public record DataPayload(
        @Schema(description = "Feature names of multivariate series, one per column of values",
                example = "[\"x\", \"y\"]") List<String> features,
        List<SeriesPayload> series,
        List<TrajectoryPayload> trajectories,
        @Schema(description = "Season length in steps (12 for monthly data); derived from the series'"
                + " frequency when omitted, 1 for none", example = "12") Integer seasonality,
        @Schema(description = "Trajectories whose x and y are longitude and latitude in degrees: validation"
                + " errors are then great-circle kilometres") Boolean geographic,
        @Schema(description = "Classification: sequences with their labels, each a text (read character by"
                + " character) or values (numbers, or arrays of feature values with features)")
                List<LabelledPayload> sequences) {

    /** Data without the geographic flag. */
    public DataPayload(List<String> features, List<SeriesPayload> series, List<TrajectoryPayload> trajectories,
            Integer seasonality) {
        this(features, series, trajectories, seasonality, null, null);
    }

    /** Series or trajectories to forecast. */
    public DataPayload(List<String> features, List<SeriesPayload> series, List<TrajectoryPayload> trajectories,
            Integer seasonality, Boolean geographic) {
        this(features, series, trajectories, seasonality, geographic, null);
    }

    /** Labelled sequences to classify. */
    public static DataPayload labelled(List<String> features, List<LabelledPayload> sequences) {
        return new DataPayload(features, null, null, null, null, sequences);
    }
}
