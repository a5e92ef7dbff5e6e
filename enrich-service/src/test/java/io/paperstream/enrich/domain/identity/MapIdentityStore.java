package io.paperstream.enrich.domain.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The resolver's state in maps, for tests of the rules (the service keeps it in Kafka Streams state stores). */
final class MapIdentityStore implements IdentityStore {
    final Map<String, IdRef> ids = new HashMap<>();
    final Map<String, List<String>> titles = new HashMap<>();
    final Map<String, PaperCluster> clusters = new HashMap<>();

    @Override
    public IdRef id(String id) {
        return ids.get(id);
    }

    @Override
    public void putId(String id, IdRef ref) {
        ids.put(id, ref);
    }

    @Override
    public void removeId(String id) {
        ids.remove(id);
    }

    @Override
    public List<String> titleHolders(String titleId) {
        return titles.getOrDefault(titleId, List.of());
    }

    @Override
    public void putTitleHolders(String titleId, List<String> canonicalIds) {
        titles.put(titleId, List.copyOf(canonicalIds));
    }

    @Override
    public PaperCluster cluster(String canonical) {
        PaperCluster c = clusters.get(canonical);
        // a copy, as a serialising store would give
        return c == null ? null : new PaperCluster(c.id(), c.revision(), c.aliases(), c.sources());
    }

    @Override
    public void putCluster(PaperCluster cluster) {
        clusters.put(
                cluster.id(), new PaperCluster(cluster.id(), cluster.revision(), cluster.aliases(), cluster.sources()));
    }

    @Override
    public void removeCluster(String canonical) {
        clusters.remove(canonical);
    }
}
