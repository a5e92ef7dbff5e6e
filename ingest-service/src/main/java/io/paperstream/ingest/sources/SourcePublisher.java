package io.paperstream.ingest.sources;

import io.paperstream.events.RawPaper;
import io.paperstream.ingest.domain.BatchIngestor;
import io.paperstream.ingest.domain.BatchResult;
import io.paperstream.ingest.domain.PaperSink;
import io.paperstream.ingest.domain.RecordOutcome;
import io.paperstream.ingest.domain.SourceRecord;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Harvested records go the way of ingested ones: validated, given their derived id and a revision, published to
 * {@code papers.raw} (through {@link BatchIngestor} and the same sink as HTTP ingest); a bad record is rejected alone
 * (counted, and logged once with its reasons) while the rest flows. Deletions become tombstones.
 */
public final class SourcePublisher {
    private static final Logger LOG = Logger.getLogger(SourcePublisher.class);

    private final BatchIngestor ingestor;
    private final PaperSink sink;
    private final Consumer<String> tombstone;

    public SourcePublisher(BatchIngestor ingestor, PaperSink sink, Consumer<String> tombstone) {
        this.ingestor = ingestor;
        this.sink = sink;
        this.tombstone = tombstone;
    }

    /** Publishes the records; returns when every accepted one is acknowledged. */
    public BatchResult publish(List<SourceRecord> records, RawPaper.Source source, SourceStatus status) {
        if (records.isEmpty()) {
            return new BatchResult(List.of(), 0);
        }
        BatchResult result;
        try {
            result = ingestor.ingest(records.iterator(), sink, source);
        } catch (RuntimeException e) {
            throw new SourceFailure(status.source() + ": publishing to Kafka failed: " + e.getMessage(), e);
        }
        List<RecordOutcome> rejected = result.records().stream()
                .filter(r -> r.status() == RecordOutcome.Status.REJECTED)
                .toList();
        status.papers("accepted", records.size() - rejected.size());
        status.papers("rejected", rejected.size());
        if (!rejected.isEmpty()) {
            LOG.warnf(
                    "%s (%s): %d of %d records rejected: %s",
                    status.source(),
                    source.name(),
                    rejected.size(),
                    records.size(),
                    rejected.stream()
                                    .limit(5)
                                    .map(r -> r.location() + ": "
                                            + r.errors().stream()
                                                    .map(e -> e.message())
                                                    .collect(Collectors.joining("; ")))
                                    .collect(Collectors.joining(" | "))
                            + (rejected.size() > 5 ? " | ..." : ""));
        }
        return result;
    }

    /** Publishes the tombstone of a paper id. */
    public void delete(String id, SourceStatus status) {
        try {
            tombstone.accept(id);
        } catch (RuntimeException e) {
            throw new SourceFailure(
                    status.source() + ": publishing the tombstone of " + id + " failed: " + e.getMessage(), e);
        }
        status.papers("deleted", 1);
    }
}
