package io.paperstream.enrich.domain.identity;

import io.paperstream.events.RawPaper;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One paper as the resolver keeps it: its canonical id, the revision it last emitted, the other ids it is known by,
 * and the latest record of every source that contributed (keyed by {@link #sourceKey}).
 */
public record PaperCluster(String id, long revision, Set<String> aliases, Map<String, RawPaper> sources) {
    public PaperCluster {
        aliases = aliases == null ? new TreeSet<>() : new TreeSet<>(aliases);
        sources = sources == null ? new TreeMap<>() : new TreeMap<>(sources);
    }

    static PaperCluster empty(String id) {
        return new PaperCluster(id, 0, null, null);
    }

    PaperCluster withRevision(long newRevision) {
        return new PaperCluster(id, newRevision, aliases, sources);
    }

    /**
     * A source record is told apart by format, sender name and the id its own identifiers give: re-sending a record
     * replaces it, a second client or a record with other identifiers is a second source.
     */
    static String sourceKey(RawPaper paper) {
        RawPaper.Source source = paper.source();
        String format = source == null
                ? "unknown"
                : source.name() == null ? source.format() : source.format() + "/" + source.name();
        return format + " " + paper.id();
    }

    /** Adds or replaces a source's record; an older revision of the same source never replaces a newer one. */
    void offer(RawPaper record) {
        String key = sourceKey(record);
        RawPaper known = sources.get(key);
        if (known == null || known.revision() <= record.revision()) {
            sources.put(key, record);
        }
    }

    long newestSourceRevision() {
        return sources.values().stream().mapToLong(RawPaper::revision).max().orElse(0);
    }
}
