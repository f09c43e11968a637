package io.seqcast.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors the servlet container sends to its error page (a method the container refuses, such as TRACE; a
 * protected folder; a failure outside any controller) as problem+json, whatever the client accepts,
 * instead of Spring Boot's default JSON or HTML page. Replaces Boot's {@code BasicErrorController}.
 */
@Controller
@Hidden
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Without a status the path was asked for itself, which security refuses first; nothing is served here.
        int status = code instanceof Integer value && value >= 400 ? value : 404;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemDetail problem = tooLarge(failure);
        if (problem == null) {
            if (status >= 500) {
                log.error("request failed outside any controller", failure);
            }
            HttpStatus known = HttpStatus.resolve(status);
            problem = Problems.of(HttpStatusCode.valueOf(status), null, known == null ? "Error" : known.getReasonPhrase(),
                    detail(status));
        }
        if (!response.isCommitted()) {
            // The body only: headers the container set, such as a 405's Allow, stay.
            response.resetBuffer();
            Problems.write(response, problem);
        }
    }

    /** A body that grew past the limit while a filter read it (a client's error, not the service's). */
    private static ProblemDetail tooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeFilter.TooLarge tooLarge) {
                return RequestSizeFilter.tooLarge(tooLarge.limit());
            }
        }
        return null;
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "nothing is served at this path: see /v3/api-docs for the API";
            case 405 -> "this method is not allowed at this path: see /v3/api-docs for the API";
            default -> status >= 500 ? "the service failed to answer this request; it is logged"
                    : "the request was refused: check the path, method and headers";
        };
    }
}
