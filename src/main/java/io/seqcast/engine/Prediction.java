package io.seqcast.engine;

import java.util.List;

/**
 * A classifier's answer for one sequence: the most probable classes, most probable first.
 *
 * @param labels up to the number asked for
 */
public record Prediction(List<LabelProbability> labels) {

    public record LabelProbability(String label, double probability) {}
}
