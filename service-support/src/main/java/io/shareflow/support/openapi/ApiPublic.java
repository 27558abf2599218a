package io.shareflow.support.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation that needs no bearer token (the security chain permits it): documented without the bearer
 * requirement and without the 401 every other operation gets. This only documents; the service's
 * {@code SecurityFilterChain} is what lets the request through, and the OpenAPI IT checks the two agree.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiPublic {

    /** True when a bearer token is honoured if one is sent (the operation then answers more). */
    boolean bearerAccepted() default false;
}
