package io.seqcast.engine;

import java.util.List;

/**
 * The classification part of a manifest.
 *
 * @param spec the classifier's shape
 * @param labels the classes, in the order of the head's outputs
 * @param vocabulary texts: the characters known, in the order of their tokens (0 is padding, 1 unknown,
 *     then these); null for numeric sequences
 * @param normalization numeric sequences: per-feature scaling fitted on the training part; empty for texts
 * @param classWeights the weight of each class in the loss (inverse frequency, mean 1; all 1 when balanced)
 * @param metrics validation metrics of what the classifier answers with (its blend), null when no sequence
 *     was held out
 * @param networkWeight texts: the network's share of the answer, the rest the built-in character n-gram naive
 *     Bayes's (chosen by validation log-loss among 0, 0.25, ..., 1); 1 for numeric sequences
 * @param validationAccuracy texts: the validation accuracy of {@code NETWORK}, {@code NGRAM_BAYES} and
 *     {@code BLEND}; empty without validation
 */
public record ClassifierManifest(ClassifierSpec spec, List<String> labels, String vocabulary,
        List<FeatureScaling> normalization, double[] classWeights, ClassificationMetrics metrics, double networkWeight,
        java.util.Map<String, Double> validationAccuracy) {

    public ClassifierManifest {
        labels = List.copyOf(labels);
        normalization = List.copyOf(normalization);
        validationAccuracy = validationAccuracy == null ? java.util.Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(validationAccuracy));
    }
}
