package io.paperstream.ingest.domain;

import io.paperstream.events.RawPaper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The ingest of one request: validates each record, stamps revision and source, marks repeats of an id within the
 * request, and hands accepted papers to the sink in chunks of bounded size, waiting for each chunk's acknowledgement
 * before reading further (so a streamed body is read no faster than the broker takes it).
 */
public final class BatchIngestor {
    private final PaperValidator validator;
    private final RevisionClock clock;
    private final int chunkSize;

    public BatchIngestor(PaperValidator validator, RevisionClock clock, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive");
        }
        this.validator = validator;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    /**
     * @throws IngestAbortedException when reading or publishing failed part-way; it says how many were published
     */
    public BatchResult ingest(Iterator<SourceRecord> records, PaperSink sink, RawPaper.Source source) {
        List<RecordOutcome> outcomes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<RawPaper> chunk = new ArrayList<>();
        int published = 0;
        try {
            while (records.hasNext()) {
                SourceRecord record = records.next();
                RecordOutcome outcome = accept(record, source, seen, chunk);
                outcomes.add(outcome);
                if (chunk.size() >= chunkSize) {
                    sink.publish(chunk);
                    published += chunk.size();
                    chunk = new ArrayList<>();
                }
            }
            if (!chunk.isEmpty()) {
                sink.publish(chunk);
                published += chunk.size();
            }
        } catch (RuntimeException e) {
            throw new IngestAbortedException(e, published);
        }
        return new BatchResult(outcomes, published);
    }

    private RecordOutcome accept(SourceRecord record, RawPaper.Source source, Set<String> seen, List<RawPaper> chunk) {
        if (!record.readable()) {
            return rejected(record, record.readErrors());
        }
        PaperValidator.Checked checked = validator.check(record.input());
        if (!checked.valid()) {
            return rejected(record, checked.violations());
        }
        long revision = clock.next();
        RawPaper p = checked.paper();
        RawPaper stamped = new RawPaper(p.id(), revision, p.title(), p.abstractText(), p.authors(), p.arxivId(),
                p.doi(), p.publishedOn(), p.updatedAt(), p.categories(), p.comment(), p.links(), p.keywords(),
                source, RevisionClock.toInstant(revision));
        chunk.add(stamped);
        RecordOutcome.Status status = seen.add(p.id()) ? RecordOutcome.Status.ACCEPTED : RecordOutcome.Status.DUPLICATE;
        return new RecordOutcome(record.index(), record.location(), p.id(), status, List.of());
    }

    private static RecordOutcome rejected(SourceRecord record, List<Violation> errors) {
        return new RecordOutcome(record.index(), record.location(), null, RecordOutcome.Status.REJECTED, errors);
    }
}
