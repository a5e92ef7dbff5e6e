package io.paperstream.query.messaging;

import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.EventReader;
import io.paperstream.events.PaperIds;
import io.paperstream.query.store.PaperUpsert;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one consumed batch of {@code papers.enriched} does to the store: per id, the net effect of its records in
 * offset order, plus the records that cannot be stored. A tombstone deletes; a later record of the same id in the
 * batch recreates the paper (so the delete runs first, then the upsert); among upserts the highest revision wins.
 * Plain Java, so the folding rules are unit-tested without Kafka or PostgreSQL.
 */
public final class BatchPlan {
    /** A record to dead-letter, with the reason. */
    public record Rejected(String key, byte[] value, String reason, int partition, long offset) {}

    /** One consumed record, reduced to what the plan needs. */
    public record Input(String key, String value, int partition, long offset) {}

    private final Map<String, PaperUpsert> upserts = new LinkedHashMap<>();
    private final Set<String> deletes = new LinkedHashSet<>();
    private final List<Rejected> rejected = new ArrayList<>();

    public static BatchPlan of(List<Input> records) {
        BatchPlan plan = new BatchPlan();
        records.forEach(plan::add);
        return plan;
    }

    private void add(Input in) {
        if (in.value() == null) {
            if (in.key() == null || !PaperIds.isValid(in.key())) {
                reject(in, "record key is not a paper id: " + in.key());
                return;
            }
            upserts.remove(in.key());
            deletes.add(in.key());
            return;
        }
        if (hasNulEscape(in.value())) {
            reject(in, "contains a NUL character (\\u0000), which PostgreSQL text cannot store");
            return;
        }
        EnrichedPaper paper;
        try {
            paper = EventReader.enriched(in.key(), in.value());
        } catch (EventReader.InvalidEventException e) {
            reject(in, e.getMessage());
            return;
        }
        PaperUpsert previous = upserts.get(paper.id());
        // equal revisions: the later record wins (a replay after a taxonomy change carries the same revision)
        if (previous == null || previous.paper().revision() <= paper.revision()) {
            upserts.put(paper.id(), new PaperUpsert(paper, in.value(), in.partition(), in.offset()));
        }
    }

    /** True when the JSON text escapes a NUL character (an escape after an odd number of backslashes): jsonb refuses it. */
    static boolean hasNulEscape(String json) {
        for (int i = json.indexOf("u0000"); i > 0; i = json.indexOf("u0000", i + 1)) {
            int slashes = 0;
            for (int j = i - 1; j >= 0 && json.charAt(j) == '\\'; j--) {
                slashes++;
            }
            if (slashes % 2 == 1) {
                return true;
            }
        }
        return false;
    }

    private void reject(Input in, String reason) {
        byte[] value = in.value() == null ? new byte[0] : in.value().getBytes(StandardCharsets.UTF_8);
        rejected.add(new Rejected(in.key(), value, reason, in.partition(), in.offset()));
    }

    /** Papers to upsert, at most one per id, after the deletes. */
    public List<PaperUpsert> upserts() {
        return List.copyOf(upserts.values());
    }

    /** Ids to delete, before the upserts (an id may be in both: deleted, then recreated by a later record). */
    public Set<String> deletes() {
        return Set.copyOf(deletes);
    }

    public List<Rejected> rejected() {
        return List.copyOf(rejected);
    }

    public boolean isEmpty() {
        return upserts.isEmpty() && deletes.isEmpty();
    }
}
