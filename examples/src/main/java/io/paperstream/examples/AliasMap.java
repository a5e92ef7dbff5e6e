package io.paperstream.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A local copy of {@code papers.aliases}: alias id -> canonical paper id. The latest record of an alias wins (its
 * records share a partition, so they arrive in order); a tombstone removes the alias. With a {@link PaperReplica},
 * {@link #resolve} finds a paper by any of its ids.
 */
public final class AliasMap {
    /** What one record did: SET (new or changed), REMOVED, ABSENT (tombstone for an unknown alias) or INVALID. */
    public enum Change {
        SET,
        REMOVED,
        ABSENT,
        INVALID
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> canonicalByAlias = new TreeMap<>();

    public Change apply(String key, String value) {
        if (key == null) {
            return Change.INVALID;
        }
        if (value == null) {
            return canonicalByAlias.remove(key) == null ? Change.ABSENT : Change.REMOVED;
        }
        try {
            JsonNode alias = JSON.readTree(value);
            if (alias == null
                    || !key.equals(alias.path("alias").asText(null))
                    || !alias.path("canonical").isTextual()) {
                return Change.INVALID;
            }
            canonicalByAlias.put(key, alias.get("canonical").asText());
            return Change.SET;
        } catch (Exception e) {
            return Change.INVALID;
        }
    }

    /** The canonical id an alias stands for, or null. */
    public String canonical(String alias) {
        return canonicalByAlias.get(alias);
    }

    /** The paper known by {@code id}: itself if the replica holds it, else the paper its alias names, else null. */
    public JsonNode resolve(String id, PaperReplica papers) {
        JsonNode paper = papers.papers().get(id);
        if (paper != null) {
            return paper;
        }
        String canonical = canonicalByAlias.get(id);
        return canonical == null ? null : papers.papers().get(canonical);
    }

    public Map<String, String> aliases() {
        return Collections.unmodifiableMap(canonicalByAlias);
    }
}
