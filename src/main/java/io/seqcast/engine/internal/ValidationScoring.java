package io.seqcast.engine.internal;

import ai.djl.ndarray.NDManager;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import io.seqcast.engine.ValidationMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The validation metrics stored with a model: its networks' forecasts of every validation window, in the
 * data's units, scored against what followed (MASE scaled by each series' training part, or a held-out
 * track's whole length), with displacements for trajectories.
 */
final class ValidationScoring {

    private ValidationScoring() {}

    static ValidationMetrics metrics(SequenceData data, Split split, Ensemble network, NDManager manager,
            Scaling scaling, WindowSet set, NativeContext context) {
        int inputSize = set.window * set.features;
        int outputSize = set.horizon * set.features;
        List<float[][]> forecasts = new ArrayList<>(set.count);
        List<float[][]> actuals = new ArrayList<>(set.count);
        List<double[]> scales = new ArrayList<>(set.count);
        int chunk = 1024;
        for (int from = 0; from < set.count; from += chunk) {
            int n = Math.min(chunk, set.count - from);
            context.prepareInferenceThread();
            float[] output = network.predict(manager, Arrays.copyOfRange(set.inputs, from * inputSize,
                    (from + n) * inputSize), n);
            for (int k = 0; k < n; k++) {
                int w = from + k;
                forecasts.add(scaling.decodeSteps(output, k * outputSize, set.horizon, set.references.get(w)));
                float[][] values = data.sequences().get(set.sequenceIndex[w]).values();
                actuals.add(Arrays.copyOfRange(values, set.targetStart[w], set.targetStart[w] + set.horizon));
                double[] scale = new double[set.features];
                for (int f = 0; f < set.features; f++) {
                    scale[f] = Accuracy.naiveScale(values, split.scaleLength(set.sequenceIndex[w]), f,
                            data.seasonalPeriod());
                }
                scales.add(scale);
            }
        }
        ValidationMetrics metrics = Accuracy.of(forecasts, actuals, scales);
        return data.kind() == SequenceKind.TRAJECTORY
                ? metrics.withDisplacement(Accuracy.displacement(forecasts, actuals, data.features(), data.geographic()))
                : metrics;
    }
}
