package io.meshport.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The most bytes an API endpoint reads as its request body, e.g. {@code
 * "${meshport.api.body-limit.documents:1MB}"} (a placeholder or a size such as {@code 64KB}).
 * Endpoints without it take {@code meshport.api.body-limit.default}. A larger {@code
 * Content-Length} is refused with 413 before any of the body is read; a body without one is
 * counted while it is read and refused as soon as it passes the limit.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BodyLimit {

    String value();
}
