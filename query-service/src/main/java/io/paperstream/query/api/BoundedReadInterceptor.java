package io.paperstream.query.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds every {@link Uni} answer of a {@link BoundedRead} method: no item within the read timeout fails it with
 * {@link ReadTimedOutException} (a 503). Other results (the live stream's {@code Multi}) pass unchanged.
 */
@BoundedRead
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class BoundedReadInterceptor {
    private final Duration timeout;

    public BoundedReadInterceptor(
            @ConfigProperty(name = "paperstream.api.read-timeout", defaultValue = "5s") Duration timeout) {
        this.timeout = timeout;
    }

    @AroundInvoke
    Object bound(InvocationContext context) throws Exception {
        Object result = context.proceed();
        if (result instanceof Uni<?> uni) {
            return uni.ifNoItem()
                    .after(timeout)
                    .failWith(() -> new ReadTimedOutException(
                            "the database did not answer within " + timeout.toMillis() + " ms"));
        }
        return result;
    }
}
