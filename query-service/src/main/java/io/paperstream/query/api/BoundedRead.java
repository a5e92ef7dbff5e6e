package io.paperstream.query.api;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read of the database that must answer within {@code paperstream.api.read-timeout} (default 5 s): when the
 * database does not answer in time (frozen, unreachable behind a dead connection), the request fails with
 * {@link ReadTimedOutException}, which the API answers with 503 + Retry-After instead of holding the client until it
 * gives up. See {@link BoundedReadInterceptor}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface BoundedRead {}
