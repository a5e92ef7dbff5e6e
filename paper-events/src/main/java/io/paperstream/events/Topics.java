package io.paperstream.events;

/** The public Kafka topics of paperstream and their CloudEvents types. */
public final class Topics {
    public static final String RAW = "papers.raw";
    public static final String ENRICHED = "papers.enriched";
    /** Internal (resolver -> enrich-service), compacted: the merged raw paper under its canonical id. */
    public static final String RESOLVED = "papers.resolved";
    /** Compacted: key an alias id, value {@code {"alias":…,"canonical":…}}; a tombstone when the alias goes away. */
    public static final String ALIASES = "papers.aliases";

    public static final String RAW_DLQ = "papers.raw.dlq";
    public static final String ENRICHED_DLQ = "papers.enriched.dlq";

    public static final String RAW_TYPE = "paperstream.paper.raw.v1";
    public static final String ENRICHED_TYPE = "paperstream.paper.enriched.v1";
    public static final String RESOLVED_TYPE = "paperstream.paper.resolved.v1";
    public static final String ALIAS_TYPE = "paperstream.paper.alias.v1";

    private Topics() {}
}
