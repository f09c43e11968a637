package io.seqcast.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's refusals as problem+json: 401 without or with an unknown key, 403 when the key's
 * role falls short (or no role may call the path), 400 for a path the firewall rejects. 401 and 403
 * carry {@code WWW-Authenticate} (RFC 6750).
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final String CHALLENGE = "Bearer realm=\"seqcast\"";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean invalid = e instanceof BadCredentialsException;
        response.setHeader("WWW-Authenticate", invalid ? CHALLENGE + ", error=\"invalid_token\"" : CHALLENGE);
        Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, null, "Unauthorized", invalid
                ? "the API key is not valid"
                : "an API key is required: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Role held = SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof ApiKeyPrincipal p
                ? p.role() : null;
        String detail = e instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof EndpointRules.RoleDecision decision
                ? "this needs a key with role " + decision.required() + " or above; the key presented has role " + held
                : request.getMethod() + " on this path is open to no key: check the path against /v3/api-docs";
        response.setHeader("WWW-Authenticate", CHALLENGE + ", error=\"insufficient_scope\"");
        Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, null, "Forbidden", detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        Problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "rejected-path", "Rejected path",
                "the path is not in canonical form: encoded slashes, dots or percents, ';' parameters, doubled"
                        + " slashes, '.' or '..' segments, backslashes and control characters are refused"));
    }
}
