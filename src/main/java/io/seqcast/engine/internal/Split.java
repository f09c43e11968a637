package io.seqcast.engine.internal;

import io.seqcast.engine.SequenceData;

/**
 * Where each sequence's training part ends and its validation part (its last points) begins, so that
 * no validation target is ever seen in training.
 *
 * <p>A sequence contributes validation windows only when, after holding out
 * {@code max(horizon, round(length * fraction))} points, its training part still holds a whole window
 * and horizon; a shorter one is used for training only.
 */
record Split(int[] trainingEnd, int[] lengths, boolean hasValidation) {

    static Split of(SequenceData data, int window, int horizon, double validationFraction) {
        int n = data.sequences().size();
        int[] trainingEnd = new int[n];
        int[] lengths = new int[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            int length = data.sequences().get(i).length();
            lengths[i] = length;
            int held = validationFraction > 0 ? Math.max(horizon, (int) Math.round(length * validationFraction)) : 0;
            if (held > 0 && length - held >= window + horizon) {
                trainingEnd[i] = length - held;
                any = true;
            } else {
                trainingEnd[i] = length;
            }
        }
        return new Split(trainingEnd, lengths, any);
    }
}
