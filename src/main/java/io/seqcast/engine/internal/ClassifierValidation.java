package io.seqcast.engine.internal;

import ai.djl.ndarray.NDManager;
import io.seqcast.engine.ClassificationMetrics;
import io.seqcast.engine.ClassifierManifest;
import io.seqcast.engine.ClassifierSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained classifier scored on its validation sequences: the network's share of the answer against the
 * n-gram baseline's, and the metrics of what it then answers.
 */
final class ClassifierValidation {

    private ClassifierValidation() {}

    /**
     * The blend of network and n-gram baseline with the lowest validation log-loss (the network alone for
     * numeric sequences; half and half for text without validation), and the validation metrics of what it
     * answers.
     */
    static ClassifierManifest validated(ClassifierSpec spec, int batchSize, NativeContext context,
            ClassifierNetwork network, ClassifierInputs inputs, NgramBayes bayes,
            float[] rows, int[] truth, int[] indexes, List<String> labels, double[] classWeights, NDManager manager) {
        if (indexes.length == 0) {
            return new ClassifierManifest(spec, labels, inputs.vocabulary(), inputs.scaling(), classWeights, null,
                    bayes == null ? 1 : 0.5, Map.of());
        }
        int classes = labels.size();
        int size = inputs.rowSize();
        float[] validationRows = new float[indexes.length * size];
        int[] actual = new int[indexes.length];
        for (int k = 0; k < indexes.length; k++) {
            System.arraycopy(rows, indexes[k] * size, validationRows, k * size, size);
            actual[k] = truth[indexes[k]];
        }
        double[] networkProbabilities = new double[indexes.length * classes];
        int chunk = batchSize;
        context.prepareInferenceThread();
        for (int from = 0; from < indexes.length; from += chunk) {
            int n = Math.min(chunk, indexes.length - from);
            float[] probabilities;
            try (NDManager scope = manager.newSubManager()) {
                ClassifierInputs.Batch input = inputs.batch(validationRows, from, n, true);
                probabilities = network.forward(scope, input.elements(), input.last(), n, input.length(), false, null)
                        .softmax(1).toFloatArray();
            }
            for (int i = 0; i < probabilities.length; i++) {
                networkProbabilities[from * classes + i] = probabilities[i];
            }
        }
        double[] baseline = null;
        if (bayes != null) {
            baseline = new double[indexes.length * classes];
            bayes.probabilities(validationRows, size, indexes.length, baseline);
        }
        double bestWeight = 1;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double weight : bayes == null ? new double[] {1} : BLEND_WEIGHTS) {
            double loss = 0;
            for (int k = 0; k < actual.length; k++) {
                int at = k * classes + actual[k];
                double p = weight * networkProbabilities[at] + (baseline == null ? 0 : (1 - weight) * baseline[at]);
                loss -= Math.log(Math.max(p, 1e-12));
            }
            if (loss < bestLoss - 1e-9) {
                bestLoss = loss;
                bestWeight = weight;
            }
        }
        Map<String, Double> accuracy = new LinkedHashMap<>();
        ClassificationMetrics blended = ClassificationMetrics.of(labels, actual,
                predictions(networkProbabilities, baseline, bestWeight, classes));
        if (baseline != null) {
            accuracy.put("NETWORK", ClassificationMetrics.of(labels, actual,
                    predictions(networkProbabilities, baseline, 1, classes)).accuracy());
            accuracy.put("NGRAM_BAYES", ClassificationMetrics.of(labels, actual,
                    predictions(networkProbabilities, baseline, 0, classes)).accuracy());
            accuracy.put("BLEND", blended.accuracy());
        }
        return new ClassifierManifest(spec, labels, inputs.vocabulary(), inputs.scaling(), classWeights, blended,
                bestWeight, accuracy);
    }

    /** The network's share of a text classifier's answer, tried on validation. */
    private static final double[] BLEND_WEIGHTS = {0, 0.25, 0.5, 0.75, 1};

    private static int[] predictions(double[] network, double[] baseline, double weight, int classes) {
        int rows = network.length / classes;
        int[] predicted = new int[rows];
        for (int r = 0; r < rows; r++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                int at = r * classes + c;
                double p = weight * network[at] + (baseline == null ? 0 : (1 - weight) * baseline[at]);
                if (p > best) {
                    best = p;
                    predicted[r] = c;
                }
            }
        }
        return predicted;
    }
}
