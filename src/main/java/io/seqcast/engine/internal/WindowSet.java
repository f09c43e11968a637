package io.seqcast.engine.internal;

import io.seqcast.engine.SequenceData;
import java.util.ArrayList;
import java.util.List;

/**
 * Encoded (input window, target) pairs drawn from every sequence of a dataset, as flat row-major
 * arrays ready to become tensors: inputs {@code [n][window][feature]}, targets {@code [n][horizon * feature]}.
 */
final class WindowSet {

    final int count;
    final int window;
    final int horizon;
    final int features;
    final float[] inputs;
    final float[] targets;
    /** Per window: its reference (level and spread), its sequence and where its target starts. */
    final List<Scaling.Reference> references;
    final int[] sequenceIndex;
    final int[] targetStart;

    private WindowSet(int window, int horizon, int features, List<int[]> positions) {
        this.count = positions.size();
        this.window = window;
        this.horizon = horizon;
        this.features = features;
        // Exact: the training budget refuses what would not fit, and an overflow must never shrink an array.
        this.inputs = new float[Math.multiplyExact(Math.multiplyExact(count, window), features)];
        this.targets = new float[Math.multiplyExact(Math.multiplyExact(count, horizon), features)];
        this.references = new ArrayList<>(count);
        this.sequenceIndex = new int[count];
        this.targetStart = new int[count];
        for (int n = 0; n < count; n++) {
            sequenceIndex[n] = positions.get(n)[0];
            targetStart[n] = positions.get(n)[1] + window;
        }
    }

    /**
     * Windows whose targets lie within {@code [from[i], to[i])} of sequence i; inputs may reach back
     * before {@code from[i]}. {@code smoothing}: the series' smoothing states where the scaling is smoothed.
     */
    static WindowSet of(SequenceData data, Scaling scaling, int window, int horizon, int[] from, int[] to,
            SmoothingStates smoothing) {
        List<int[]> positions = new ArrayList<>();
        for (int i = 0; i < data.sequences().size(); i++) {
            int firstStart = Math.max(0, from[i] - window);
            for (int start = firstStart; start + window + horizon <= to[i]; start++) {
                positions.add(new int[] {i, start});
            }
        }
        WindowSet set = new WindowSet(window, horizon, data.featureCount(), positions);
        for (int n = 0; n < set.count; n++) {
            float[][] values = data.sequences().get(set.sequenceIndex[n]).values();
            int start = set.targetStart[n] - window;
            Scaling.Reference reference = scaling.encodeWindow(values, start, window, set.inputs, n * window * set.features,
                    smoothing == null ? null : smoothing.at(set.sequenceIndex[n], start + window), 0);
            scaling.encodeSteps(values, start + window, horizon, reference, set.targets, n * horizon * set.features);
            set.references.add(reference);
        }
        return set;
    }
}
