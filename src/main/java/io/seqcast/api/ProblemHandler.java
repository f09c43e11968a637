package io.seqcast.api;

import io.seqcast.engine.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Every error as an RFC 9457 {@code application/problem+json}: a status, a title, a detail that says
 * what was expected and, for invalid input, a JSON pointer to the offending field or array element.
 * Nothing of the server's internals (stack traces, class names, file paths) reaches a client.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException e, WebRequest request) {
        ProblemDetail problem = e.parameter() ? invalidParameter(e.getMessage(), e.field()) : invalid(e.getMessage(), e.field());
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        Class<?> type = e.getRequiredType();
        String expected = type == null ? "a valid value"
                : type.isEnum() ? "one of " + List.of(type.getEnumConstants())
                : Number.class.isAssignableFrom(type) || type.isPrimitive() ? "a whole number" : "a valid value";
        ProblemDetail problem = invalidParameter("'" + e.getName() + "' must be " + expected, e.getName());
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String pointer = "/";
        String detail = "the body is not valid JSON for this endpoint";
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof RequestSizeFilter.TooLarge tooLarge) {
            return handleExceptionInternal(e, RequestSizeFilter.tooLarge(tooLarge.limit()), headers,
                    HttpStatus.CONTENT_TOO_LARGE, request);
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            detail = "the request has no body; this endpoint needs one (see /v3/api-docs)";
        } else if (cause instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            detail = "'" + format.getValue() + "' is not one of " + List.of(format.getTargetType().getEnumConstants());
        } else if (cause instanceof DatabindException binding) {
            detail = "a value has the wrong type or shape for this field";
        } else if (cause instanceof JacksonException jackson) {
            detail = "the body is not valid JSON" + hint(jackson.getOriginalMessage()) + location(jackson);
        }
        if (cause instanceof JacksonException jackson && jackson.getPath() != null && !jackson.getPath().isEmpty()) {
            pointer = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("/", "/", ""));
        }
        return handleExceptionInternal(e, invalid(detail, pointer), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var result = e.getParameterValidationResults().get(0);
        String name = result.getMethodParameter().getParameterName();
        String detail = "'" + name + "' " + result.getResolvableErrors().get(0).getDefaultMessage();
        return handleExceptionInternal(e, invalidParameter(detail, name), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            org.springframework.web.bind.MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        var error = e.getFieldErrors().isEmpty() ? null : e.getFieldErrors().get(0);
        // A body's fields are named by JSON pointer; settings bound from the query string by parameter name.
        boolean query = !e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class);
        String detail = error == null ? "the request is not valid" : error.isBindingFailure()
                ? error.getField() + ": '" + error.getRejectedValue() + "' is not a valid value"
                : error.getField() + " " + error.getDefaultMessage();
        ProblemDetail problem = error == null ? invalid(detail, "/") : query
                ? invalidParameter(detail, error.getField())
                : invalid(detail, "/" + error.getField().replace('.', '/'));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Anything unexpected: logged here in full, answered with nothing but a 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse) {
            throw e;
        }
        log.error("Unexpected error answering {}", request.getDescription(false), e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, null, "Internal error",
                "the service could not complete the request; the error is logged");
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /** Invalid body content: {@code pointer} is a JSON pointer into the body (RFC 9457 section 3). */
    private static ProblemDetail invalid(String detail, String pointer) {
        return invalid(detail, "pointer", pointer);
    }

    /** Invalid query or path parameter, named by {@code parameter}. */
    private static ProblemDetail invalidParameter(String detail, String parameter) {
        return invalid(detail, "parameter", parameter);
    }

    private static ProblemDetail invalid(String detail, String locator, String location) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail);
        problem.setProperty("errors", List.of(Map.of(locator, location, "detail", detail)));
        return problem;
    }

    /** What the parser objected to, in the client's terms (its own messages name parser classes). */
    private static String hint(String message) {
        if (message == null) {
            return "";
        }
        if (message.contains("Non-standard token") || message.contains("NaN") || message.contains("Infinity")) {
            return ": NaN and Infinity are not JSON numbers";
        }
        if (message.contains("length") && message.contains("exceeds")) {
            return ": a number, string or nesting exceeds the parser's limits";
        }
        if (message.contains("Unexpected end-of-input")) {
            return ": it ends too early";
        }
        return "";
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
