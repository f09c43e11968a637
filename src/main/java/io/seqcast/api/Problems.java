package io.seqcast.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a problem is built, and written where no message converter runs (servlet filters and
 * Spring Security's handlers). Types are {@code https://seqcast.io/problems/<slug>}, or
 * {@code about:blank} where the status says it all.
 */
public final class Problems {

    private static final String TYPES = "https://seqcast.io/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    /** The type URI of a problem slug, such as {@code invalid-input}. */
    private static URI type(String slug) {
        return URI.create(TYPES + slug);
    }

    /** A problem of the given type slug ({@code null} for about:blank). */
    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (slug != null) {
            problem.setType(type(slug));
        }
        return problem;
    }

    /** A problem that says no more than its status: what the container or a handler answered without a body. */
    static ProblemDetail ofStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String detail = switch (status) {
            case 404 -> "nothing is served at this path: see /v3/api-docs for the API";
            case 405 -> "this method is not allowed at this path: see /v3/api-docs for the API";
            default -> status >= 500 ? "the service failed to answer this request"
                    : "the request was refused: check the path, method and headers";
        };
        return of(HttpStatusCode.valueOf(status), null, known == null ? "Error" : known.getReasonPhrase(), detail);
    }

    static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(problem));
    }

    static String json(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return JSON.writeValueAsString(body);
    }
}
