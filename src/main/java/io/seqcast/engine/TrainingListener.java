package io.seqcast.engine;

/** Lets a caller follow and stop a training run. Called on the training thread. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {};

    /** After every epoch. */
    default void epochFinished(EpochProgress progress) {}

    /** Checked between batches; once true, training stops with {@link TrainingCancelledException}. */
    default boolean cancelRequested() {
        return false;
    }
}
