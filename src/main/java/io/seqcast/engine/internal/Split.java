package io.seqcast.engine.internal;

import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each sequence's training part ends and its validation part begins, so that no validation target is
 * ever seen in training.
 *
 * <p>Series hold out their last points: a sequence contributes validation windows only when, after holding
 * out {@code max(horizon, round(length * fraction))} points, its training part still holds a whole window
 * and horizon; a shorter one is used for training only. Trajectories, where there are enough of them, hold
 * out whole tracks instead (that share of them, spread evenly): a track's end is not like the rest of it (a
 * storm turns and speeds up as it dies), so validation on ends stopped training by the wrong errors and
 * calibrated radii too wide for origins along whole tracks (bench/README.md).
 *
 * @param trainingEnd per sequence, the end of its training part: 0 for a track held out whole
 */
record Split(int[] trainingEnd, int[] lengths, boolean hasValidation) {

    /** Held-out tracks needed, at the least, to validate on whole tracks. */
    static final int MIN_HELD_TRACKS = 5;

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
        int[] tracks = data.kind() == SequenceKind.TRAJECTORY ? wholeTracks(lengths, window + horizon, validationFraction)
                : new int[0];
        if (tracks.length >= MIN_HELD_TRACKS) {
            for (int i = 0; i < n; i++) {
                trainingEnd[i] = lengths[i];
            }
            for (int i : tracks) {
                trainingEnd[i] = 0;
            }
            return new Split(trainingEnd, lengths, true);
        }
        return new Split(trainingEnd, lengths, any);
    }

    /**
     * The tracks to hold out whole: among those long enough for a window and horizon, every one where the
     * running share {@code fraction} (at most 0.5, so training keeps half) passes a whole number, so that they
     * spread evenly over the data's order.
     */
    private static int[] wholeTracks(int[] lengths, int needed, double fraction) {
        List<Integer> usable = new ArrayList<>();
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] >= needed) {
                usable.add(i);
            }
        }
        List<Integer> held = new ArrayList<>();
        for (int k = 0; k < usable.size(); k++) {
            // The tolerance keeps a share such as 0.29 of 100 tracks at 29, not 28 by rounding.
            if (Math.floor((k + 1) * fraction + 1e-9) > Math.floor(k * fraction + 1e-9)) {
                held.add(usable.get(k));
            }
        }
        return held.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Points of sequence {@code i} that scale its errors: its training part, or all of a track held out whole. */
    int scaleLength(int i) {
        return trainingEnd[i] > 0 ? trainingEnd[i] : lengths[i];
    }
}
