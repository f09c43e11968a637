package io.seqcast.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal a feature raises as an RFC 9457 problem: its status, a title whose slug is the problem type
 * ({@code Job not found} is {@code https://seqcast.io/problems/job-not-found}) and a detail that never
 * names a file or path. Spring answers it as problem+json like every other error.
 */
public abstract class ProblemException extends ErrorResponseException {

    protected ProblemException(HttpStatus status, String title, String detail) {
        super(status, Problems.of(status, title.toLowerCase().replace(' ', '-'), title, detail), null);
    }
}
