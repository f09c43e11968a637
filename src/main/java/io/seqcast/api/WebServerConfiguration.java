package io.seqcast.api;

import io.seqcast.data.DataLimits;
import org.apache.catalina.core.StandardHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebServerConfiguration.class);

    /**
     * Tomcat answers an encoded slash in a path ({@code ..%2F..%2Fetc}) with its own HTML page. Passed
     * through, it reaches the application, whose name check refuses it with a problem+json before any
     * file system access.
     */
    /** API keys, checked before anything else reads the request. */
    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(SecurityProperties security) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(
                new ApiKeyFilter(security.enabled() ? new ApiKeys(security) : null));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setEnabled(security.enabled());
        if (!security.enabled()) {
            log.warn("API key security is OFF (seqcast.security.enabled=false): anyone who reaches this service can"
                    + " train, delete and forecast");
        }
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(DataLimits limits) {
        FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(new RequestSizeFilter(limits));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Tomcat's own error pages (for requests it refuses before the application) as problem+json. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
        return factory -> factory.addContextCustomizers(context ->
                ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
    }

    @Bean
    TomcatConnectorCustomizer encodedSlashesReachTheApplication() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }
}
