package io.paperstream.ingest.config;

import io.paperstream.ingest.domain.BatchIngestor;
import io.paperstream.ingest.domain.PaperValidator;
import io.paperstream.ingest.domain.RevisionClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The plain-Java domain objects as CDI beans, built from configuration. */
public class DomainBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** One per process: revisions must increase across all requests. */
    @Produces
    @Singleton
    RevisionClock revisionClock(Clock clock) {
        return new RevisionClock(clock);
    }

    @Produces
    @Singleton
    BatchIngestor batchIngestor(IngestConfig config, RevisionClock revisions) {
        return new BatchIngestor(new PaperValidator(config.limits().toPaperLimits()), revisions, config.chunkSize());
    }
}
