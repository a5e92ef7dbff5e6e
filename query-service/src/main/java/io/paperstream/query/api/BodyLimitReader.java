package io.paperstream.query.api;

import io.paperstream.kit.LimitedInputStream;
import io.paperstream.problem.Problem;
import io.paperstream.problem.ProblemType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;

/**
 * Holds every request body an entity reader takes to {@code quarkus.http.limits.max-body-size}: one byte more is a
 * 413 {@code body-too-large} problem ({@link BodyLimitRoute} then closes the connection). A body with a Content-Length
 * over the limit never gets here ({@link BodyLimitRoute} answers it from the header); this is the check of a body
 * without one (chunked), which Quarkus would otherwise answer with a bare 413.
 */
@Provider
public class BodyLimitReader implements ReaderInterceptor {
    private final long limit;

    public BodyLimitReader(BodyLimitRoute route) {
        this.limit = route.limit();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Limited(context.getInputStream(), limit));
        return context.proceed();
    }

    /** The body, counted; past the limit, the 413 problem. */
    static final class Limited extends LimitedInputStream {
        Limited(InputStream in, long limit) {
            super(
                    in,
                    limit,
                    l -> Problem.of(ProblemType.BODY_TOO_LARGE)
                            .detail("The body is larger than " + l + " bytes, the limit of this API.")
                            .exception());
        }

        /**
         * Closing RESTEasy Reactive's request input stream reads the rest of the body first (however long it is, for
         * however long it takes); after a refusal the rest is dropped by {@link BodyLimitRoute} instead.
         */
        @Override
        public void close() throws IOException {
            if (!exceeded()) {
                super.close();
            }
        }
    }
}
