package io.paperstream.localstack;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The topics the local stack creates (3 partitions each), as the services and the Strimzi manifests name them. */
public final class Topics {
    public static final List<String> ALL = List.of(
            "papers.raw",
            "papers.enriched",
            "papers.raw.dlq",
            "papers.enriched.dlq",
            "papers.resolved",
            "papers.aliases");

    /** Topics whose last record per key is the state (as the Strimzi KafkaTopics and Compose create them). */
    public static final Set<String> COMPACTED = Set.of("papers.enriched", "papers.resolved", "papers.aliases");

    /** The topic configuration the local stack gives a topic. */
    public static Map<String, String> configOf(String topic) {
        return COMPACTED.contains(topic) ? Map.of("cleanup.policy", "compact") : Map.of();
    }

    /** ingest-service's harvesting checkpoints (1 partition, compacted; the service creates it too when missing). */
    public static final String SOURCES_CHECKPOINTS = "paperstream.sources.checkpoints";

    private Topics() {}
}
