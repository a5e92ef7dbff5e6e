package io.paperstream.query.api;

import io.paperstream.problem.Problem;
import io.paperstream.problem.ProblemType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
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

    static final class Limited extends FilterInputStream {
        private final long limit;
        private long count;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        /**
         * Closing RESTEasy Reactive's request input stream reads the rest of the body first (however long it is, for
         * however long it takes); after a refusal the rest is dropped by {@link BodyLimitRoute} instead.
         */
        @Override
        public void close() throws IOException {
            if (count <= limit) {
                super.close();
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void counted(long n) {
            count += n;
            if (count > limit) {
                throw Problem.of(ProblemType.BODY_TOO_LARGE)
                        .detail("The body is larger than " + limit + " bytes, the limit of this API.")
                        .exception();
            }
        }
    }
}
