package io.paperstream.events;

/** The public Kafka topics of paperstream and their CloudEvents types. */
public final class Topics {
    public static final String RAW = "papers.raw";
    public static final String ENRICHED = "papers.enriched";
    public static final String RAW_DLQ = "papers.raw.dlq";
    public static final String ENRICHED_DLQ = "papers.enriched.dlq";

    public static final String RAW_TYPE = "paperstream.paper.raw.v1";
    public static final String ENRICHED_TYPE = "paperstream.paper.enriched.v1";

    private Topics() {
    }
}
