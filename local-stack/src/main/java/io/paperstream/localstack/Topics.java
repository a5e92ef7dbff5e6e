package io.paperstream.localstack;

import java.util.List;

/** The topics the local stack creates (3 partitions each), as the services and the Strimzi manifests name them. */
public final class Topics {
    public static final List<String> ALL = List.of("papers.raw", "papers.enriched", "papers.raw.dlq", "papers.enriched.dlq", "papers.resolved",
            "papers.aliases");

    /** ingest-service's harvesting checkpoints (1 partition, compacted; the service creates it too when missing). */
    public static final String SOURCES_CHECKPOINTS = "paperstream.sources.checkpoints";

    private Topics() {
    }
}
