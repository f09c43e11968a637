package io.seqcast.engine;

/** Two models cannot be scored on the same cases: no stored backtest cases, or different features. */
public class NotComparableException extends RuntimeException {

    public NotComparableException(String message) {
        super(message);
    }
}
