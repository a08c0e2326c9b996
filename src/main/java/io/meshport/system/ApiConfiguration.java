package io.meshport.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * The edge of the REST API: its outermost filter, the per-endpoint body limits, and a 404 problem
 * for every {@code /api} path no endpoint serves (the Vaadin app would otherwise answer it with
 * its HTML page).
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration implements WebMvcConfigurer {

    static final String API = "/api/";

    private final Environment environment;

    ApiConfiguration(Environment environment) {
        this.environment = environment;
    }

    @Bean
    FilterRegistrationBean<ApiRequestFilter> apiRequestFilter(
            @Value("${meshport.api.body-limit.default:64KB}") DataSize defaultBodyLimit,
            @Value("${server.tomcat.max-parameter-count:1000}") int maxParameters) {
        FilterRegistrationBean<ApiRequestFilter> registration =
                new FilterRegistrationBean<>(new ApiRequestFilter(defaultBodyLimit.toBytes(), maxParameters));
        registration.addUrlPatterns("/api/*");
        // Before the character encoding filter, security and everything else that might parse.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiErrorPageFilter> apiErrorPageFilter() {
        FilterRegistrationBean<ApiErrorPageFilter> registration =
                new FilterRegistrationBean<>(new ApiErrorPageFilter());
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new BodyLimitInterceptor(environment)).addPathPatterns("/api/**");
    }

    /**
     * Consulted after the annotated endpoints (which answer 405/406/415 themselves when only the
     * method or media type is wrong) and before Vaadin's catch-all. A trailing slash names no
     * resource either: {@code /data-products/x/} is not {@code /data-products/x}.
     */
    @Bean
    SimpleUrlHandlerMapping unknownApiPaths() {
        HttpRequestHandler notFound = (request, response) -> Problems.write(
                response, Problems.of(HttpStatus.NOT_FOUND, "no-such-path", "No such API path", detail(request)));
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/api/**", notFound));
        mapping.setOrder(1);
        return mapping;
    }

    private static String detail(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.length() > 1 && path.endsWith("/")) {
            return "No API endpoint at " + path + ". API paths have no trailing slash: try "
                    + path.replaceAll("/+$", "") + ".";
        }
        return "No API endpoint at " + path + ". The API is described at /v3/api-docs.";
    }
}
