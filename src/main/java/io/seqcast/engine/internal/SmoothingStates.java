package io.seqcast.engine.internal;

import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;

/**
 * Exponential smoothing's states along every series of a training set, for the network's windows
 * ({@link Decomposition}): per series and feature, the forms fitted to the training part only, their best
 * run along the whole series, so that a validation window's states use no parameter fitted on what follows it.
 */
final class SmoothingStates {

    private final SequenceData data;
    private final int[] trainingEnd;
    private final Ets[][] fitted;
    private int trackedSequence = -1;
    private Ets.Track[] tracks;

    SmoothingStates(SequenceData data, int[] trainingEnd) {
        this.data = data;
        this.trainingEnd = trainingEnd.clone();
        this.fitted = new Ets[data.sequences().size()][];
    }

    /**
     * Whether a network on this data reads smoothed windows: series whose season smoothing fits as a state.
     * Trajectories are not smoothed, and a longer season is adjusted by classical decomposition there instead.
     */
    static boolean apply(SequenceData data) {
        return data.kind() == SequenceKind.SERIES && data.seasonalPeriod() <= Ets.MAX_SEASON;
    }

    /** The states of every feature of one series at {@code origin}, before the point of that index. */
    Decomposition[] at(int sequence, int origin) {
        if (sequence != trackedSequence) {
            float[][] values = data.sequences().get(sequence).values();
            Ets[] forms = fitted[sequence];
            if (forms == null) {
                forms = new Ets[data.featureCount()];
                for (int f = 0; f < forms.length; f++) {
                    forms[f] = Ets.fit(Blending.column(values, 0, trainingEnd[sequence], f), data.seasonalPeriod()).best();
                }
                fitted[sequence] = forms;
            }
            tracks = new Ets.Track[forms.length];
            for (int f = 0; f < forms.length; f++) {
                tracks[f] = forms[f].track(Blending.column(values, 0, values.length, f));
            }
            trackedSequence = sequence;
        }
        Decomposition[] states = new Decomposition[tracks.length];
        for (int f = 0; f < states.length; f++) {
            states[f] = tracks[f].at(origin);
        }
        return states;
    }
}
