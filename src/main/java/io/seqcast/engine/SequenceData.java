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
 */
public record SequenceData(SequenceKind kind, List<String> features, List<Sequence> sequences, int seasonalPeriod) {

    public SequenceData {
        features = List.copyOf(features);
        sequences = List.copyOf(sequences);
    }

    public static SequenceData univariate(List<Sequence> sequences, int seasonalPeriod) {
        return new SequenceData(SequenceKind.SERIES, List.of("value"), sequences, seasonalPeriod);
    }

    public int featureCount() {
        return features.size();
    }
}
