package io.paperstream.kit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;

/**
 * A request body read up to a limit: counts the bytes its reader takes and throws the caller's exception (given the
 * limit) on the first byte past it, so a body without a Content-Length is refused as soon as it is too large, not
 * after it was read. Ingest's formats and query's batch body use it.
 */
public class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private final LongFunction<? extends RuntimeException> tooLarge;
    private long count;

    public LimitedInputStream(InputStream in, long limit, LongFunction<? extends RuntimeException> tooLarge) {
        super(in);
        this.limit = limit;
        this.tooLarge = tooLarge;
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
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
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

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    /** Whether more than the limit was read (the exception was thrown). */
    public boolean exceeded() {
        return count > limit;
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw tooLarge.apply(limit);
        }
    }
}
