package io.seqcast.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>} into an authenticated
 * principal carrying the key's role (and the roles it includes). A request without a key goes on
 * anonymous, for the authorization rules to decide; an unknown key is refused here with 401.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    /** Each role's authorities, itself and the roles it includes: built once, not per request. */
    private static final Map<Role, List<SimpleGrantedAuthority>> AUTHORITIES = new EnumMap<>(Role.class);

    static {
        for (Role role : Role.values()) {
            AUTHORITIES.put(role, Arrays.stream(Role.values()).filter(role::includes)
                    .map(included -> new SimpleGrantedAuthority(included.authority())).toList());
        }
    }

    private final ApiKeys keys;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyAuthenticationFilter(ApiKeys keys, AuthenticationEntryPoint entryPoint) {
        this.keys = keys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = presented(request);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKeyPrincipal> holder = keys.holderOf(presented);
        if (holder.isEmpty()) {
            contexts.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown API key"));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(holder.get(), null,
                AUTHORITIES.get(holder.get().role())));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }

    private static String presented(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        String header = request.getHeader("X-API-Key");
        return header == null || header.isBlank() ? null : header.strip();
    }
}
