package io.paperstream.ingest.domain;

import java.util.List;

/** The outcome of every record of one request, in input order, and how many papers were published. */
public record BatchResult(List<RecordOutcome> records, int published) {

    public long count(RecordOutcome.Status status) {
        return records.stream().filter(r -> r.status() == status).count();
    }

    public boolean nothingAccepted() {
        return published == 0;
    }
}
