package io.paperstream.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A local copy of {@code papers.enriched}: the latest version of every paper, by paper id. The two rules that make
 * it correct under at-least-once delivery, replays and compaction:
 * <ul>
 *   <li>a record is applied when its {@code revision} is at least the stored one: a lower revision is a stale
 *       version (a redelivery, or an older version read after a newer one), an equal one is the same version
 *       enriched again (e.g. with a new taxonomy), later in the same partition, so it replaces the stored copy;</li>
 *   <li>a tombstone (null value) deletes the paper, whatever its revision was; a record that comes after it recreates
 *       the paper.</li>
 * </ul>
 * Records whose key is not the value's {@code id}, or whose value is not a JSON object with an id and a revision, are
 * skipped (query-service dead-letters the same ones). Plain Java: no Kafka here, so the rules are easy to test.
 */
public final class PaperReplica {
    /** What one record did to the replica. */
    public enum Change {
        ADDED,
        UPDATED,
        DELETED,
        STALE,
        ABSENT,
        INVALID
    }

    /** The outcome of one record: what it did, the paper id, and the revisions before and after. */
    public record Outcome(Change change, String id, Long previousRevision, Long revision, String reason) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> papers = new TreeMap<>();

    /** Applies one record of papers.enriched ({@code value} null for a tombstone). */
    public Outcome apply(String key, String value) {
        if (key == null) {
            return new Outcome(Change.INVALID, null, null, null, "record without a key");
        }
        JsonNode stored = papers.get(key);
        Long storedRevision = stored == null ? null : stored.get("revision").asLong();
        if (value == null) {
            if (stored == null) {
                return new Outcome(Change.ABSENT, key, null, null, "tombstone for a paper not in the replica");
            }
            papers.remove(key);
            return new Outcome(Change.DELETED, key, storedRevision, null, null);
        }
        JsonNode paper;
        try {
            paper = JSON.readTree(value);
        } catch (Exception e) {
            return new Outcome(Change.INVALID, key, storedRevision, null, "not JSON: " + e.getMessage());
        }
        if (paper == null
                || !paper.isObject()
                || !paper.path("revision").canConvertToLong()
                || !paper.path("revision").isIntegralNumber()) {
            return new Outcome(Change.INVALID, key, storedRevision, null, "not a paper (no integer revision)");
        }
        if (!key.equals(paper.path("id").asText(null))) {
            return new Outcome(
                    Change.INVALID,
                    key,
                    storedRevision,
                    null,
                    "key differs from the paper id " + paper.path("id").asText(null));
        }
        long revision = paper.get("revision").asLong();
        if (storedRevision != null && revision < storedRevision) {
            return new Outcome(Change.STALE, key, storedRevision, revision, null);
        }
        papers.put(key, paper);
        return new Outcome(stored == null ? Change.ADDED : Change.UPDATED, key, storedRevision, revision, null);
    }

    /** The papers, by id (sorted), read-only. */
    public Map<String, JsonNode> papers() {
        return Collections.unmodifiableMap(papers);
    }

    public int size() {
        return papers.size();
    }
}
