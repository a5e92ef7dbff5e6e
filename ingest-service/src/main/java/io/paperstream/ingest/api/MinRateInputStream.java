package io.paperstream.ingest.api;

import io.paperstream.problem.Problem;
import io.paperstream.problem.ProblemType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Holds a streamed body (NDJSON, read by a worker thread as it arrives) to a minimum upload rate, counting only the
 * time spent waiting for the client inside {@code read}: the time the service itself takes (parsing, waiting for Kafka's
 * acknowledgements, during which it does not read) is not the client's. Once the waiting exceeds the grace, the body
 * must have come at {@code minRate} bytes per second of waiting; a slower one fails with 408 (and the connection is
 * closed), which frees the worker thread.
 */
final class MinRateInputStream extends FilterInputStream {
    private final long minRate;
    private final long graceNanos;
    private long waitedNanos;
    private long bytes;

    MinRateInputStream(InputStream in, long minRate, long graceNanos) {
        super(in);
        this.minRate = minRate;
        this.graceNanos = graceNanos;
    }

    @Override
    public int read() throws IOException {
        long start = System.nanoTime();
        int b = super.read();
        account(start, b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        long start = System.nanoTime();
        int n = super.read(buffer, off, len);
        account(start, Math.max(0, n));
        return n;
    }

    private void account(long start, int n) {
        waitedNanos += System.nanoTime() - start;
        bytes += n;
        if (waitedNanos > graceNanos && bytes < minRate * (waitedNanos - graceNanos) / TimeUnit.SECONDS.toNanos(1)) {
            throw Problem.of(ProblemType.REQUEST_TIMEOUT)
                    .detail("The body came in too slowly: " + bytes + " bytes while"
                            + " the service waited " + TimeUnit.NANOSECONDS.toSeconds(waitedNanos) + " s for it; after "
                            + TimeUnit.NANOSECONDS.toSeconds(graceNanos) + " s of waiting a body must arrive at "
                            + minRate
                            + " bytes/s at least. The connection is closed.")
                    .exception(Map.of("Connection", "close"));
        }
    }
}
