package io.seqcast.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
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
            problem = Problems.ofStatus(status);
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
}
