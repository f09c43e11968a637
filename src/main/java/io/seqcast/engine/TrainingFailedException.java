package io.seqcast.engine;

/** Training could not produce a usable model, for example because the loss diverged to NaN. */
public class TrainingFailedException extends RuntimeException {

    public TrainingFailedException(String message) {
        super(message);
    }
}
