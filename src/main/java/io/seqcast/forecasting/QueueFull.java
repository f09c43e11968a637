package io.seqcast.forecasting;

import io.seqcast.api.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** 503 with Retry-After: the {@link InferenceQueue} has no room for a pass, or the service is stopping. */
final class QueueFull extends ProblemException {
    QueueFull(String reason) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Forecast queue full", reason + ": retry shortly");
        getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    }
}
