package io.seqcast.engine;

import java.util.List;

/**
 * How a classifier did on its validation sequences (a stratified share held out of training).
 *
 * @param sequences validation sequences scored
 * @param accuracy share classified right
 * @param macroF1 the unweighted mean over classes of the F1 score (classes with validation sequences)
 * @param classes per class, in the order of {@code labels}
 * @param labels the classes, the order of the confusion matrix's rows and columns
 * @param confusion {@code [true class][predicted class]} counts
 */
public record ClassificationMetrics(int sequences, double accuracy, double macroF1, List<ClassScore> classes,
        List<String> labels, int[][] confusion) {

    /**
     * @param label the class
     * @param precision share of the sequences predicted as this class that are
     * @param recall share of this class's sequences predicted as it
     * @param support validation sequences of this class
     */
    public record ClassScore(String label, double precision, double recall, double f1, int support) {}

    /** Metrics of predicted against true class indexes. */
    public static ClassificationMetrics of(List<String> labels, int[] truth, int[] predicted) {
        int classes = labels.size();
        int[][] confusion = new int[classes][classes];
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            confusion[truth[i]][predicted[i]]++;
            right += truth[i] == predicted[i] ? 1 : 0;
        }
        List<ClassScore> scores = new java.util.ArrayList<>();
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            int support = 0;
            int predictedAs = 0;
            for (int k = 0; k < classes; k++) {
                support += confusion[c][k];
                predictedAs += confusion[k][c];
            }
            double precision = predictedAs == 0 ? 0 : (double) confusion[c][c] / predictedAs;
            double recall = support == 0 ? 0 : (double) confusion[c][c] / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            scores.add(new ClassScore(labels.get(c), precision, recall, f1, support));
            if (support > 0) {
                f1Sum += f1;
                present++;
            }
        }
        return new ClassificationMetrics(truth.length, truth.length == 0 ? 0 : (double) right / truth.length,
                present == 0 ? 0 : f1Sum / present, scores, labels, confusion);
    }
}
