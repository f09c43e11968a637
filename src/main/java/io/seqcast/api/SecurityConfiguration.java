package io.seqcast.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may do what, on Spring Security: API keys authenticate (see {@link ApiKeyAuthenticationFilter}),
 * each controller states the role it needs ({@link RequiresRole}), and whatever no rule opens is
 * denied. Health, Swagger UI, the dashboard's static files and the OpenAPI document are public; actuator
 * info and metrics need any key. Spring Security's strict firewall refuses non-canonical paths before any of this.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    private static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/swagger-ui.html",
        "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/", "/ui", "/ui/", "/ui/*.html",
        "/ui/*.js", "/ui/*.css"};

    private final SecurityProblems problems = new SecurityProblems();

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties security,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping, ServletContext application)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (!security.enabled()) {
            log.warn("API key security is OFF (seqcast.security.enabled=false): anyone who reaches this service can"
                    + " train, delete and forecast");
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
        // A separate management port (management.server.port) is its own servlet context, reachable only
        // inside the deployment's network; Prometheus scrapes it without a key, as before.
        RequestMatcher managementServer = request -> request.getServletContext() != application;
        http.addFilterBefore(new ApiKeyAuthenticationFilter(new ApiKeys(security), problems),
                AnonymousAuthenticationFilter.class);
        http.authorizeHttpRequests(requests -> {
            requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                    .requestMatchers(managementServer).permitAll()
                    .requestMatchers(PUBLIC).permitAll()
                    .requestMatchers("/actuator/info", "/actuator/prometheus").authenticated();
            for (EndpointRules.Rule rule : EndpointRules.of(mapping)) {
                if (rule.role() == null) {
                    requests.requestMatchers(rule.matcher()).denyAll();
                } else {
                    requests.requestMatchers(rule.matcher()).access(EndpointRules.needs(rule.role()));
                }
            }
            requests.anyRequest().denyAll();
        });
        return http.build();
    }

    /** Picked up by Spring Security for what its firewall rejects. */
    @Bean
    RequestRejectedHandler rejectedPaths() {
        return problems;
    }
}
