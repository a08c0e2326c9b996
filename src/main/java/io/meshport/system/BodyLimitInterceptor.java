package io.meshport.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Sets the body limit of the endpoint that will handle the request, from its {@link BodyLimit},
 * before the endpoint reads a byte, and refuses a declared length over it at once.
 */
final class BodyLimitInterceptor implements HandlerInterceptor {

    private final Environment environment;
    private final Map<String, Long> resolved = new ConcurrentHashMap<>();

    BodyLimitInterceptor(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        BoundedRequest bounded = BoundedRequest.of(request);
        if (bounded == null || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        BodyLimit limit = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), BodyLimit.class);
        if (limit == null) {
            limit = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), BodyLimit.class);
        }
        if (limit != null) {
            bounded.limit(bytes(limit.value()));
        }
        bounded.checkDeclaredLength();
        return true;
    }

    long bytes(String value) {
        return resolved.computeIfAbsent(value, v -> DataSize.parse(
                        environment.resolveRequiredPlaceholders(v).strip())
                .toBytes());
    }
}
