package io.seqcast.engine;

import java.util.List;

/**
 * Labelled sequences to train a classifier on: all texts, or all numeric with the same features.
 *
 * @param features {@code ["char"]} for texts, else the feature names of the values' columns
 * @param sequences the sequences with their labels
 */
public record ClassificationData(List<String> features, List<LabelledSequence> sequences) {

    public static final String CHARACTERS = "char";

    public ClassificationData {
        features = List.copyOf(features);
        sequences = List.copyOf(sequences);
    }

    public boolean text() {
        return features.equals(List.of(CHARACTERS));
    }
}
