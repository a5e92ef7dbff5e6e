package io.paperstream.ingest.sources;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Harvesting of arXiv (OAI-PMH) and Hugging Face daily papers inside ingest-service, prefix {@code paperstream.sources}
 * (env {@code PAPERSTREAM_SOURCES_*}). Off unless {@code enabled}; with several replicas only the one holding the lease
 * (partition 0 of the checkpoint topic, through Kafka group membership) harvests.
 */
@ConfigMapping(prefix = "paperstream.sources")
public interface SourcesConfig {

    /** PAPERSTREAM_SOURCES_ENABLED: harvest at all. */
    @WithDefault("false")
    boolean enabled();

    /** PAPERSTREAM_SOURCES_INTERVAL: time between two harvests of a source (after one ends). */
    @WithDefault("1h")
    Duration interval();

    /** Compacted topic of one partition: the checkpoints (key = source), and the lease (its partition 0). */
    @WithDefault("paperstream.sources.checkpoints")
    String checkpointTopic();

    /** Consumer group of the lease: the member assigned partition 0 of the checkpoint topic harvests. */
    @WithDefault("paperstream-sources")
    String group();

    /** Failed requests of one harvest step are retried this many times in all (with backoff), then the cycle ends. */
    @WithDefault("5")
    int maxAttempts();

    /** First wait after a failed request; doubled after each further failure, up to {@code backoff-max}. */
    @WithDefault("5s")
    Duration backoffInitial();

    @WithDefault("5m")
    Duration backoffMax();

    /** Longest Retry-After honoured as such (a longer one is waited this long). */
    @WithDefault("10m")
    Duration maxRetryAfter();

    /** Timeout of one request, connection to last byte. */
    @WithDefault("60s")
    Duration requestTimeout();

    /** The User-Agent of every request. */
    @WithDefault("paperstream/1.0 (metadata harvester; https://github.com/paperstream)")
    String userAgent();

    Arxiv arxiv();

    Hf hf();

    /** arXiv's OAI-PMH interface, metadata format {@code arXiv}. */
    interface Arxiv {
        /** Harvest arXiv when sources are enabled. */
        @WithDefault("true")
        boolean enabled();

        /** PAPERSTREAM_SOURCES_ARXIV_OAI_URL: the OAI-PMH base URL. */
        @WithDefault("https://oaipmh.arxiv.org/oai")
        String oaiUrl();

        /** PAPERSTREAM_SOURCES_ARXIV_SETS: comma-separated OAI sets (cs, math, physics:hep-th, ...); "*" for all. */
        @WithDefault("cs")
        String sets();

        /** PAPERSTREAM_SOURCES_ARXIV_FROM: first datestamp (yyyy-MM-dd) of the first harvest; default three days ago. */
        Optional<String> from();

        /** At least this long between two requests (arXiv asks for 3 s). */
        @WithDefault("3s")
        Duration delay();
    }

    /** Hugging Face's daily papers API, {@code GET {url}/api/daily_papers?date=yyyy-MM-dd}. */
    interface Hf {
        /** Harvest Hugging Face when sources are enabled. */
        @WithDefault("true")
        boolean enabled();

        /** PAPERSTREAM_SOURCES_HF_URL: the Hugging Face base URL. */
        @WithDefault("https://huggingface.co")
        String url();

        /** PAPERSTREAM_SOURCES_HF_FROM: the first day (yyyy-MM-dd) fetched; default three days ago. */
        Optional<String> from();

        /** At least this long between two requests (the Hub's anonymous rate limit is a few requests per second). */
        @WithDefault("500ms")
        Duration delay();
    }
}
