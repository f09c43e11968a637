package io.seqcast.training;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Training job errors as RFC 9457 problems. */
abstract class TrainingException extends ErrorResponseException {

    TrainingException(HttpStatus status, String title, String detail) {
        super(status);
        setTitle(title);
        setDetail(detail);
        setType(URI.create("https://seqcast.io/problems/" + title.toLowerCase().replace(' ', '-')));
    }

    static final class JobNotFound extends TrainingException {
        JobNotFound(String id) {
            super(HttpStatus.NOT_FOUND, "Job not found", "no training job with id '" + id + "'");
        }
    }

    static final class JobFinished extends TrainingException {
        JobFinished(String id, JobStatus status) {
            super(HttpStatus.CONFLICT, "Job finished", "training job '" + id + "' already ended as " + status);
        }
    }

    static final class QueueFull extends TrainingException {
        QueueFull(int capacity, int retryAfterSeconds) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "Training queue full", "all " + capacity
                    + " places of the training queue are taken; retry later");
            getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
        }
    }
}
