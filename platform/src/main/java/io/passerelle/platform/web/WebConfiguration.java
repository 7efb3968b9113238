package io.passerelle.platform.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP edge of every service: strict JSON, refused paths and queries, body limits, and problem+json for every
 * error — from Spring MVC (the advice), the security firewall, servlet filters and Tomcat itself.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return new StrictJson();
    }

    @Bean
    StrictParameters strictParameters() {
        return new StrictParameters();
    }

    @Bean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(ProblemWriter problems) {
        return new ProblemDetailsAdvice(problems);
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ProblemWriter problems,
            @Value("${passerelle.http.max-body-size:1MB}") DataSize limit) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(limit.toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestTextFilter> requestTextFilter(ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new RequestTextFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** What Spring Security's firewall refuses (encoded slashes, {@code ..}, …) is a 400 problem, not an error page. */
    @Bean
    RequestRejectedHandler requestRejected(ProblemWriter problems) {
        return (request, response, e) -> problems.write(response, HttpStatus.BAD_REQUEST, "invalid-request",
                "Invalid request", "the path or a header holds characters or sequences that are not allowed");
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
