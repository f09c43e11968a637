package io.seqcast.engine;

import java.util.List;

/**
 * A training dataset: one or many sequences sharing the same features. Many sequences of different
 * lengths train one global model.
 *
 * @param kind how the features are scaled
 * @param features feature names, one per column of every sequence
 * @param sequences the sequences, each at least window + horizon long
 * @param seasonalPeriod season length in steps (12 for monthly data), 1 when there is none; scales MASE
 * @param geographic trajectories whose x and y are longitude and latitude in degrees: their errors are
 *     great-circle kilometres
 */
public record SequenceData(SequenceKind kind, List<String> features, List<Sequence> sequences, int seasonalPeriod,
        boolean geographic) {

    public SequenceData {
        features = List.copyOf(features);
        sequences = List.copyOf(sequences);
    }

    /** Data whose coordinates are not longitude and latitude. */
    public SequenceData(SequenceKind kind, List<String> features, List<Sequence> sequences, int seasonalPeriod) {
        this(kind, features, sequences, seasonalPeriod, false);
    }

    public static SequenceData univariate(List<Sequence> sequences, int seasonalPeriod) {
        return new SequenceData(SequenceKind.SERIES, List.of("value"), sequences, seasonalPeriod);
    }

    public int featureCount() {
        return features.size();
    }
}
