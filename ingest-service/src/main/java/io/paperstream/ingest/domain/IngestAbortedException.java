package io.paperstream.ingest.domain;

/** A request stopped part-way (body too large, broker down): says how many papers were published before it stopped. */
public class IngestAbortedException extends RuntimeException {
    private final int published;

    public IngestAbortedException(RuntimeException cause, int published) {
        super(cause.getMessage(), cause);
        this.published = published;
    }

    public int published() {
        return published;
    }

    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }
}
