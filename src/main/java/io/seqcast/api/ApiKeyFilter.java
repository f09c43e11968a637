package io.seqcast.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may do what. Health, Swagger UI and the OpenAPI document are public; forecasting and reading
 * models need a forecaster key, training jobs a trainer key, aliases and deletion an admin key; any
 * other path (actuator info and metrics included) needs a key. Missing or unknown keys get 401, a key
 * whose role falls short 403, both as problem+json with {@code WWW-Authenticate}.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeys keys;

    ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<Role> required = required(request.getMethod(), path);
        if (required.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String presented = presented(request);
        if (presented == null) {
            refuse(response, 401, "Unauthorized", "an API key is required: send 'Authorization: Bearer <key>'",
                    "Bearer realm=\"seqcast\"", path);
            return;
        }
        Optional<Role> role = keys.roleOf(presented);
        if (role.isEmpty()) {
            refuse(response, 401, "Unauthorized", "the API key is not valid",
                    "Bearer realm=\"seqcast\", error=\"invalid_token\"", path);
            return;
        }
        if (!role.get().includes(required.get())) {
            refuse(response, 403, "Forbidden", "this needs a key with role " + required.get() + " or above; the key"
                    + " presented has role " + role.get(), "Bearer realm=\"seqcast\", error=\"insufficient_scope\"", path);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The role a request needs, or none for public paths. */
    static Optional<Role> required(String method, String path) {
        if (path.equals("/actuator/health") || path.startsWith("/actuator/health/") || path.equals("/swagger-ui.html")
                || path.startsWith("/swagger-ui/") || path.equals("/v3/api-docs") || path.startsWith("/v3/api-docs/")) {
            return Optional.empty();
        }
        if (path.startsWith("/api/v1/training-jobs")) {
            return Optional.of(Role.TRAINER);
        }
        if (path.startsWith("/api/v1/models/")) {
            boolean changesAlias = path.contains("/aliases/") && !method.equals("GET");
            boolean deletes = method.equals("DELETE");
            return Optional.of(changesAlias || deletes ? Role.ADMIN : Role.FORECASTER);
        }
        return Optional.of(Role.FORECASTER);
    }

    private static String presented(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        String header = request.getHeader("X-API-Key");
        return header == null || header.isBlank() ? null : header.strip();
    }

    private static void refuse(HttpServletResponse response, int status, String title, String detail,
            String challenge, String path) throws IOException {
        response.setStatus(status);
        response.setHeader("WWW-Authenticate", challenge);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"instance\":\"" + path.replaceAll("[^A-Za-z0-9/._~%-]", "") + "\"}");
    }
}
