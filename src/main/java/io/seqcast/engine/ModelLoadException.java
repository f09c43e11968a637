package io.seqcast.engine;

/** A saved model cannot be loaded: missing files, a broken manifest or checksums that do not match. */
public class ModelLoadException extends RuntimeException {

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
