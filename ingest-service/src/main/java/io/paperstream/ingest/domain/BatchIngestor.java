package io.paperstream.ingest.domain;

import io.paperstream.events.RawPaper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The ingest of one request: validates each record, stamps revision and source, marks repeats of an id within the
 * request, and hands accepted papers to the sink in chunks of bounded size. A few chunks may be in flight at once
 * (so validation and the broker's acknowledgements overlap); beyond that it waits for the oldest before reading further,
 * so a streamed body is read no faster than the broker takes it.
 */
public final class BatchIngestor {
    /** Chunks published but not yet acknowledged, at most; bounds memory to about this many chunks of papers. */
    static final int IN_FLIGHT_CHUNKS = 4;

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
        ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
        int published = 0;
        try {
            while (records.hasNext()) {
                SourceRecord record = records.next();
                RecordOutcome outcome = accept(record, source, seen, chunk);
                outcomes.add(outcome);
                if (chunk.size() >= chunkSize) {
                    inFlight.add(new InFlight(sink.send(chunk), chunk.size()));
                    chunk = new ArrayList<>();
                    if (inFlight.size() >= IN_FLIGHT_CHUNKS) {
                        published += inFlight.remove().awaitCount();
                    }
                }
            }
            if (!chunk.isEmpty()) {
                inFlight.add(new InFlight(sink.send(chunk), chunk.size()));
            }
            while (!inFlight.isEmpty()) {
                published += inFlight.remove().awaitCount();
            }
        } catch (RuntimeException e) {
            // chunks sent before the failure may still be acknowledged: count those that are
            for (InFlight sent : inFlight) {
                try {
                    published += sent.awaitCount();
                } catch (RuntimeException ignored) {
                    // not published; the answer only counts what surely was
                }
            }
            throw new IngestAbortedException(e, published);
        }
        return new BatchResult(outcomes, published);
    }

    /** A chunk sent and how many papers it holds. */
    private record InFlight(PaperSink.Pending pending, int size) {
        int awaitCount() {
            pending.await();
            return size;
        }
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
        RawPaper stamped = new RawPaper(
                p.id(),
                revision,
                p.title(),
                p.abstractText(),
                p.authors(),
                p.arxivId(),
                p.doi(),
                p.publishedOn(),
                p.updatedAt(),
                p.categories(),
                p.comment(),
                p.links(),
                p.keywords(),
                source,
                RevisionClock.toInstant(revision),
                p.license(),
                null,
                null);
        chunk.add(stamped);
        RecordOutcome.Status status = seen.add(p.id()) ? RecordOutcome.Status.ACCEPTED : RecordOutcome.Status.DUPLICATE;
        return new RecordOutcome(record.index(), record.location(), p.id(), status, List.of());
    }

    private static RecordOutcome rejected(SourceRecord record, List<Violation> errors) {
        return new RecordOutcome(record.index(), record.location(), null, RecordOutcome.Status.REJECTED, errors);
    }
}
