package io.paperstream.ingest.sources;

import io.micrometer.core.instrument.MeterRegistry;
import io.paperstream.ingest.domain.BatchIngestor;
import io.paperstream.ingest.messaging.KafkaPaperSink;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Starts harvesting when {@code paperstream.sources.enabled}: joins the lease group ({@link KafkaLease}); while this
 * instance holds the lease, arXiv and Hugging Face are harvested ({@link Harvesting}). Stops with the service.
 */
@ApplicationScoped
public class SourcesRunner {
    private static final Logger LOG = Logger.getLogger(SourcesRunner.class);

    private final SourcesConfig config;
    private final SourceStatus arxivStatus;
    private final SourceStatus hfStatus;
    private final Clock clock;
    private KafkaLease lease;
    private Harvesting harvesting;

    @Inject
    BatchIngestor ingestor;

    @Inject
    KafkaPaperSink sink;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    public SourcesRunner(SourcesConfig config, MeterRegistry registry, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.arxivStatus = new SourceStatus(ArxivOaiHarvester.FORMAT, registry, clock);
        this.hfStatus = new SourceStatus(HfDailyHarvester.FORMAT, registry, clock);
    }

    void onStart(@Observes StartupEvent event) {
        arxivStatus.registerGauges(config.enabled() && config.arxiv().enabled());
        hfStatus.registerGauges(config.enabled() && config.hf().enabled());
        if (!config.enabled()) {
            return;
        }
        Optional<LocalDate> arxivFrom =
                date("paperstream.sources.arxiv.from", config.arxiv().from());
        Optional<LocalDate> hfFrom =
                date("paperstream.sources.hf.from", config.hf().from());
        check("paperstream.sources.arxiv.oai-url", config.arxiv().oaiUrl());
        check("paperstream.sources.hf.url", config.hf().url());
        HttpClient client = SourceHttp.newClient();
        SourcePublisher publisher = new SourcePublisher(ingestor, sink, sink::tombstone);
        List<Harvesting.Source> sources = new ArrayList<>();
        if (config.arxiv().enabled()) {
            SourceHttp http = http(
                    client,
                    arxivStatus,
                    "application/xml, text/xml",
                    config.arxiv().delay());
            List<String> sets = ArxivOaiHarvester.sets(config.arxiv().sets());
            sources.add(new Harvesting.Source(
                    arxivStatus,
                    checkpoints -> new ArxivOaiHarvester(
                                    config.arxiv().oaiUrl(),
                                    sets,
                                    arxivFrom,
                                    http,
                                    publisher,
                                    checkpoints,
                                    arxivStatus,
                                    clock)::harvest));
        }
        if (config.hf().enabled()) {
            SourceHttp http =
                    http(client, hfStatus, "application/json", config.hf().delay());
            sources.add(new Harvesting.Source(
                    hfStatus,
                    checkpoints -> new HfDailyHarvester(
                            config.hf().url(), hfFrom, http, publisher, checkpoints, hfStatus, clock)::harvest));
        }
        harvesting = new Harvesting(sources, config.interval(), config.backoffMax());
        lease = new KafkaLease(kafka, config.checkpointTopic(), config.group(), harvesting).start();
        LOG.infof(
                "sources: harvesting enabled (arXiv %s sets %s from %s; Hugging Face %s from %s; every %s);"
                        + " the instance holding the lease of %s harvests",
                config.arxiv().enabled() ? config.arxiv().oaiUrl() : "off",
                config.arxiv().sets(),
                arxivFrom.map(LocalDate::toString).orElse("3 days ago"),
                config.hf().enabled() ? config.hf().url() : "off",
                hfFrom.map(LocalDate::toString).orElse("3 days ago"),
                config.interval(),
                config.checkpointTopic());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (lease != null) {
            lease.close();
        }
        if (harvesting != null) {
            harvesting.stop();
        }
    }

    public boolean enabled() {
        return config.enabled();
    }

    public boolean leader() {
        return harvesting != null && harvesting.leader();
    }

    public SourceStatus arxiv() {
        return arxivStatus;
    }

    public SourceStatus hf() {
        return hfStatus;
    }

    private SourceHttp http(HttpClient client, SourceStatus status, String accept, java.time.Duration delay) {
        return new SourceHttp(
                client,
                status,
                accept,
                delay,
                config.maxAttempts(),
                config.backoffInitial(),
                config.backoffMax(),
                config.maxRetryAfter(),
                config.requestTimeout(),
                config.userAgent());
    }

    private static Optional<LocalDate> date(String property, Optional<String> value) {
        if (value.isEmpty() || value.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.get().trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    property + " must be a date such as 2025-03-14, not '" + value.get() + "'");
        }
    }

    private static void check(String property, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " is not a URL: " + url);
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
            throw new IllegalArgumentException(property + " must be an http(s) URL, not " + url);
        }
    }
}
