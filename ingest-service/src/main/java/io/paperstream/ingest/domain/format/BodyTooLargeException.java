package io.paperstream.ingest.domain.format;

/** The request body is longer than the limit for its format. */
public class BodyTooLargeException extends RuntimeException {
    private final long limit;

    public BodyTooLargeException(long limit) {
        super("the request body is larger than the limit of " + limit + " bytes for this format");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
