package io.seqcast.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The {@link RequiresRole} rules of the controllers as request matchers. Each matcher uses the very
 * path patterns and parser that route the request, so every spelling that reaches a controller (an
 * escaped letter, say) is matched by that controller's rule; a request no rule matches is denied.
 * Rules are ordered most specific pattern first, as the router chooses among overlapping patterns.
 */
final class EndpointRules {

    /** One endpoint: its pattern, HTTP method (null: any) and the least role that may call it (null: none). */
    record Rule(PathPattern pattern, HttpMethod method, Role role, RequestMatcher matcher) {}

    /** A decision that says which role the rule required, for the 403's detail. */
    static final class RoleDecision extends AuthorizationDecision {
        private final Role required;

        RoleDecision(boolean granted, Role required) {
            super(granted);
            this.required = required;
        }

        Role required() {
            return required;
        }
    }

    private EndpointRules() {}

    static List<Rule> of(RequestMappingHandlerMapping mapping) {
        PathPatternRequestMatcher.Builder matchers = PathPatternRequestMatcher.withPathPatternParser(
                mapping.getPatternParser());
        List<Rule> rules = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> endpoint : mapping.getHandlerMethods().entrySet()) {
            if (endpoint.getKey().getPathPatternsCondition() == null) {
                continue;
            }
            // An endpoint without a rule gets a denying one, sorted with the others: a more general
            // pattern's rule (/{name}) must not open a literal path (/export) that has none.
            RequiresRole required = requiredRole(endpoint.getValue());
            Role role = required == null ? null : required.value();
            Set<RequestMethod> methods = endpoint.getKey().getMethodsCondition().getMethods();
            for (PathPattern pattern : endpoint.getKey().getPathPatternsCondition().getPatterns()) {
                if (methods.isEmpty()) {
                    rules.add(new Rule(pattern, null, role, matchers.matcher(pattern.getPatternString())));
                }
                for (RequestMethod method : methods) {
                    HttpMethod http = method.asHttpMethod();
                    rules.add(new Rule(pattern, http, role, matchers.matcher(http, pattern.getPatternString())));
                    if (http.equals(HttpMethod.GET)) {
                        // The router answers HEAD with the GET handler.
                        rules.add(new Rule(pattern, HttpMethod.HEAD, role,
                                matchers.matcher(HttpMethod.HEAD, pattern.getPatternString())));
                    }
                }
            }
        }
        rules.sort(Comparator.comparing(Rule::pattern, PathPattern.SPECIFICITY_COMPARATOR)
                .thenComparing(rule -> rule.method() == null));
        refuseConflicts(rules);
        return rules;
    }

    /** Grants when the authenticated key's role includes {@code required}. */
    static AuthorizationManager<RequestAuthorizationContext> needs(Role required) {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                    RequestAuthorizationContext context) {
                Authentication who = authentication.get();
                boolean granted = who != null && who.isAuthenticated()
                        && who.getPrincipal() instanceof ApiKeyPrincipal holder && holder.role().includes(required);
                return new RoleDecision(granted, required);
            }
        };
    }

    private static RequiresRole requiredRole(HandlerMethod handler) {
        RequiresRole onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequiresRole.class);
        return onMethod != null ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequiresRole.class);
    }

    /** Two handlers on one pattern and method (JSON and CSV bodies, say) must not ask for different roles. */
    private static void refuseConflicts(List<Rule> rules) {
        for (int i = 0; i < rules.size(); i++) {
            for (int j = i + 1; j < rules.size(); j++) {
                Rule a = rules.get(i);
                Rule b = rules.get(j);
                boolean sameEndpoint = a.pattern().getPatternString().equals(b.pattern().getPatternString())
                        && (a.method() == null || b.method() == null || a.method().equals(b.method()));
                if (sameEndpoint && a.role() != b.role()) {
                    throw new IllegalStateException("handlers of " + a.method() + " " + a.pattern()
                            + " ask for different roles (" + a.role() + ", " + b.role() + ")");
                }
            }
        }
    }
}
