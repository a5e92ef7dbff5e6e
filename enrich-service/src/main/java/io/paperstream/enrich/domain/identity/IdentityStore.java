package io.paperstream.enrich.domain.identity;

import java.util.List;

/**
 * The resolver's state: which paper each known id names, which papers carry each title fingerprint, and each paper's
 * source records. Implemented by Kafka Streams state stores in the service and by maps in tests; every method acts on
 * one key, so any key-value store with durable changelogs can hold it.
 */
public interface IdentityStore {
    /** Which paper an id names: {@code derived} when the id is only a title fingerprint shared by no other paper. */
    record IdRef(String canonical, boolean derived) {}

    IdRef id(String id);

    void putId(String id, IdRef ref);

    void removeId(String id);

    /** Canonical ids of the papers whose records carried this title fingerprint ({@code title:…}). */
    List<String> titleHolders(String titleId);

    void putTitleHolders(String titleId, List<String> canonicalIds);

    PaperCluster cluster(String canonical);

    void putCluster(PaperCluster cluster);

    void removeCluster(String canonical);
}
