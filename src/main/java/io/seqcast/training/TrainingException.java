package io.seqcast.training;

import io.seqcast.api.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Training job errors as RFC 9457 problems. */
abstract class TrainingException extends ProblemException {

    TrainingException(HttpStatus status, String title, String detail) {
        super(status, title, detail);
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

    /** A job whose estimated memory exceeds the budget: refused before anything is stored or allocated. */
    static final class TooLarge extends TrainingException {
        TooLarge(long estimateBytes, long limitBytes) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "Training too large", "this job would take about "
                    + mebibytes(estimateBytes) + " of memory (its training windows, the model with its gradients and"
                    + " optimizer state, a batch); one job may take " + mebibytes(limitBytes)
                    + " (seqcast.training.max-memory): use fewer or shorter series, a shorter window or a smaller model");
            getBody().setProperty("estimateBytes", estimateBytes);
            getBody().setProperty("limitBytes", limitBytes);
        }

        private static String mebibytes(long bytes) {
            return bytes == Long.MAX_VALUE ? "more than 8 EiB" : String.format("%,d MiB", (bytes + (1 << 20) - 1) >> 20);
        }
    }
}
