package io.seqcast.engine;

import java.time.Duration;

/** A forecast stopped because its time ran out; the work done so far is dropped. */
public class ForecastTimeoutException extends RuntimeException {

    public ForecastTimeoutException(Duration timeout) {
        super("the forecast did not finish within " + timeout.toMillis() + " ms");
    }
}
