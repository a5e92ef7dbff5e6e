package io.paperstream.query.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.PaperIds;
import io.paperstream.events.PaperJson;
import io.paperstream.events.PaperSchemas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one consumed batch of {@code papers.enriched} does to the store: per id, the net effect of its records in
 * offset order (a tombstone deletes, an upsert keeps the highest revision), plus the records that cannot be stored.
 * Plain Java, so the folding rules are unit-tested without Kafka or PostgreSQL.
 */
public final class BatchPlan {
    /** A record to dead-letter, with the reason. */
    public record Rejected(String key, byte[] value, String reason, int partition, long offset) {
    }

    /** One consumed record, reduced to what the plan needs. */
    public record Input(String key, String value, int partition, long offset) {
    }

    private final Map<String, EnrichedPaper> upserts = new LinkedHashMap<>();
    private final Set<String> deletes = new LinkedHashSet<>();
    private final List<Rejected> rejected = new ArrayList<>();

    public static BatchPlan of(List<Input> records) {
        BatchPlan plan = new BatchPlan();
        records.forEach(plan::add);
        return plan;
    }

    private void add(Input in) {
        if (in.key() == null || !PaperIds.isValid(in.key())) {
            reject(in, "record key is not a paper id: " + in.key());
            return;
        }
        if (in.value() == null) {
            upserts.remove(in.key());
            deletes.add(in.key());
            return;
        }
        EnrichedPaper paper;
        try {
            JsonNode json = PaperJson.mapper().readTree(in.value());
            List<String> violations = PaperSchemas.validateEnriched(json);
            if (!violations.isEmpty()) {
                reject(in, "schema violation: " + String.join("; ", violations));
                return;
            }
            paper = PaperJson.mapper().treeToValue(json, EnrichedPaper.class);
        } catch (Exception e) {
            reject(in, "not valid EnrichedPaper JSON: " + e.getMessage());
            return;
        }
        if (!in.key().equals(paper.id())) {
            reject(in, "record key " + in.key() + " differs from the paper id " + paper.id());
            return;
        }
        EnrichedPaper previous = upserts.get(paper.id());
        if (previous == null || previous.revision() <= paper.revision()) {
            deletes.remove(paper.id());
            upserts.put(paper.id(), paper);
        }
    }

    private void reject(Input in, String reason) {
        byte[] value = in.value() == null ? new byte[0] : in.value().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        rejected.add(new Rejected(in.key(), value, reason, in.partition(), in.offset()));
    }

    public List<EnrichedPaper> upserts() {
        return List.copyOf(upserts.values());
    }

    public Set<String> deletes() {
        return Set.copyOf(deletes);
    }

    public List<Rejected> rejected() {
        return List.copyOf(rejected);
    }
}
