package io.seqcast.api;

import io.seqcast.data.DataLimits;
import org.apache.catalina.core.StandardHost;
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

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(DataLimits limits) {
        FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(new RequestSizeFilter(limits));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Outermost: it sees the status every other filter and handler left. */
    @Bean
    FilterRegistrationBean<BareErrorFilter> bareErrorFilter() {
        FilterRegistrationBean<BareErrorFilter> registration = new FilterRegistrationBean<>(new BareErrorFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Tomcat's own error pages (for requests it refuses before the application) as problem+json. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
        return factory -> factory.addContextCustomizers(context ->
                ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
    }

    /**
     * Tomcat answers an encoded slash in a path ({@code ..%2F..%2Fetc}) with its own HTML page. Passed
     * through, it reaches Spring Security's firewall, which refuses it with a problem+json.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }
}
