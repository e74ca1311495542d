package io.opsbridge.server.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a resource method whose calls are limited per caller ({@link RateLimits}); over the limit: 429. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimited {

    /** Which bucket the call draws from. */
    Kind value();

    /** The two budgets. */
    enum Kind { ADMIN, STARTS }
}
