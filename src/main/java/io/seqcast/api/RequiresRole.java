package io.seqcast.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role that may call an endpoint, written on the controller method (or its class) it
 * protects. The security filter chain turns these into request matchers on the mapping's own path
 * patterns, before the request body is read; an endpoint without one is refused to every key.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresRole {

    Role value();
}
