package io.seqcast.engine;

/** Training stopped because its listener asked to; no model was produced. */
public class TrainingCancelledException extends RuntimeException {

    public TrainingCancelledException(int epoch) {
        super("training cancelled during epoch " + epoch);
    }
}
