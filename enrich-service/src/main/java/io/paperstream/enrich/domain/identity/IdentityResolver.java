package io.paperstream.enrich.domain.identity;

import io.paperstream.enrich.domain.links.LinkExtractor;
import io.paperstream.events.PaperIds;
import io.paperstream.events.RawPaper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which paper a record belongs to and keeps the merged papers, one record at a time (the caller serializes:
 * every decision reads and writes state that other records may share).
 *
 * <p>Rules:
 * <ol>
 *   <li>Identifier strength: arXiv id (arXiv's DOI is the arXiv id) > DOI > title fingerprint ({@code title:…}). A paper
 *   is known under the strongest id any of its records carried; its other ids are aliases.</li>
 *   <li>A record with an arXiv id belongs to that arXiv paper. A record with a DOI but no arXiv id belongs to the paper
 *   that DOI names (an arXiv paper whose record carried it), else to {@code doi:…}. A title-only record belongs to the
 *   paper its fingerprint names, else becomes {@code title:…}.</li>
 *   <li>Merging: a record carrying an arXiv id and a DOI absorbs the DOI-only paper of that DOI; a record with an arXiv
 *   id or DOI absorbs the title-only paper of its fingerprint — unless another paper with an arXiv id or DOI carries
 *   the same fingerprint (ambiguous). Papers with different arXiv ids, or different DOIs, are never merged: equal
 *   titles do not make the same paper. A DOI already claimed by another arXiv paper stays with that paper.</li>
 *   <li>A title fingerprint carried by exactly one paper with an arXiv id or DOI is an alias of it (derived). When a
 *   second such paper carries it, the derived alias is withdrawn: the title is ambiguous, and a title-only record
 *   with that title then stays a paper of its own ({@code title:…}); stronger papers with that title do not absorb it.
 *   An alias that a record was actually sent under (a merged-away id) is pinned: it keeps naming the paper it was
 *   merged into.</li>
 *   <li>A tombstone for any id of a paper deletes the whole paper with its aliases.</li>
 * </ol>
 * Every change to a paper emits it again with a revision greater than any it emitted before and at least its newest
 * source record's revision.
 */
public final class IdentityResolver {
    private final IdentityStore store;
    private final LinkExtractor extractor = new LinkExtractor();

    public IdentityResolver(IdentityStore store) {
        this.store = store;
    }

    /** Resolves one record; {@code raw.id()} is the id its own identifiers give (the record's key). */
    public List<Change> apply(RawPaper raw) {
        Run run = new Run();
        // a producer may give only the id: it counts as the identifier it names
        String ownId = raw.id() == null ? "" : raw.id();
        String arxiv = PaperIds.normaliseArxivId(raw.arxivId())
                .or(() -> PaperIds.arxivOfDoi(raw.doi()))
                .map(a -> "arxiv:" + a)
                .orElse(ownId.startsWith("arxiv:") ? ownId : null);
        String doi =
                PaperIds.externalDoi(raw.doi()).map(d -> "doi:" + d).orElse(ownId.startsWith("doi:") ? ownId : null);
        String title = PaperIds.titleId(raw.title()).orElse(null);

        String target;
        if (arxiv != null) {
            target = arxiv;
        } else if (doi != null) {
            target = canonicalOf(doi, doi);
        } else if (title != null) {
            target = canonicalOf(title, title);
        } else {
            target = raw.id();
        }
        PaperCluster cluster = run.load(target);
        if (isStrong(target)) {
            if (doi != null && !doi.equals(target)) {
                IdentityStore.IdRef ref = store.id(doi);
                if (ref != null && !ref.canonical().equals(target) && strength(ref.canonical()) < strength(target)) {
                    absorb(run, cluster, ref.canonical());
                }
            }
            if (title != null) {
                IdentityStore.IdRef ref = store.id(title);
                if (ref != null
                        && ref.canonical().startsWith("title:")
                        && !ref.canonical().equals(target)
                        && otherStrongHolders(title, target, run).isEmpty()) {
                    absorb(run, cluster, ref.canonical());
                }
            }
        }
        cluster.offer(raw);
        run.touched(cluster);

        pin(run, cluster, target);
        if (doi != null && !doi.equals(target)) {
            IdentityStore.IdRef ref = store.id(doi);
            if (ref == null
                    || strength(ref.canonical()) < strength(target)
                    || ref.canonical().equals(target)) {
                pin(run, cluster, doi);
            }
        }
        String key = raw.id();
        if (key != null && !key.equals(target) && PaperIds.isValid(key)) {
            IdentityStore.IdRef ref = store.id(key);
            if (ref == null
                    || ref.derived()
                    || ref.canonical().equals(target)
                    || strength(ref.canonical()) < strength(target)) {
                pin(run, cluster, key);
            }
        }
        if (title != null) {
            registerTitle(run, cluster, title);
        }
        return run.finish();
    }

    /** A tombstone for {@code id}: deletes the paper it names, with every alias. */
    public List<Change> delete(String id) {
        Run run = new Run();
        IdentityStore.IdRef ref = store.id(id);
        String target = ref == null ? id : ref.canonical();
        PaperCluster cluster = store.cluster(target);
        if (cluster == null) {
            run.changes.add(new Change.Removed(id));
            return run.changes;
        }
        for (String alias : cluster.aliases()) {
            IdentityStore.IdRef aliasRef = store.id(alias);
            if (aliasRef != null && aliasRef.canonical().equals(target)) {
                store.removeId(alias);
                run.changes.add(new Change.AliasRemoved(alias));
            }
        }
        store.removeId(target);
        for (String fingerprint : fingerprints(cluster)) {
            List<String> holders = new ArrayList<>(store.titleHolders(fingerprint));
            if (holders.remove(target)) {
                store.putTitleHolders(fingerprint, holders);
            }
        }
        store.removeCluster(target);
        run.changes.add(new Change.Removed(target));
        return run.changes;
    }

    private String canonicalOf(String id, String fallback) {
        IdentityStore.IdRef ref = store.id(id);
        return ref == null ? fallback : ref.canonical();
    }

    /** Moves every record and alias of {@code otherId} into {@code into}; {@code otherId} becomes a pinned alias. */
    private void absorb(Run run, PaperCluster into, String otherId) {
        PaperCluster other = run.load(otherId);
        if (other == null || other.sources().isEmpty() && other.aliases().isEmpty()) {
            return;
        }
        other.sources().values().forEach(into::offer);
        List<String> moved = new ArrayList<>(other.aliases());
        moved.add(otherId);
        for (String alias : moved) {
            IdentityStore.IdRef ref = store.id(alias);
            boolean derived = ref != null && ref.derived() && !alias.equals(otherId);
            store.putId(alias, new IdentityStore.IdRef(into.id(), derived));
            into.aliases().add(alias);
            run.changes.add(new Change.AliasSet(alias, into.id()));
        }
        for (String fingerprint : fingerprints(other)) {
            List<String> holders = new ArrayList<>(store.titleHolders(fingerprint));
            holders.remove(otherId);
            if (!holders.contains(into.id())) {
                holders.add(into.id());
            }
            store.putTitleHolders(fingerprint, holders);
        }
        run.removed(otherId);
        run.touched(into);
    }

    /** {@code id} names {@code cluster} from now on, whatever later records say about its title. */
    private void pin(Run run, PaperCluster cluster, String id) {
        IdentityStore.IdRef ref = store.id(id);
        if (ref != null && ref.canonical().equals(cluster.id()) && !ref.derived()) {
            return;
        }
        if (ref != null && !ref.canonical().equals(cluster.id())) {
            PaperCluster previous = run.load(ref.canonical());
            if (previous != null && previous.aliases().remove(id)) {
                run.touched(previous);
            }
        }
        store.putId(id, new IdentityStore.IdRef(cluster.id(), false));
        if (!id.equals(cluster.id()) && cluster.aliases().add(id)) {
            run.changes.add(new Change.AliasSet(id, cluster.id()));
            run.touched(cluster);
        }
    }

    private void registerTitle(Run run, PaperCluster cluster, String title) {
        List<String> holders = new ArrayList<>(store.titleHolders(title));
        if (!holders.contains(cluster.id())) {
            holders.add(cluster.id());
            store.putTitleHolders(title, holders);
        }
        if (!isStrong(cluster.id())) {
            return;
        }
        long strong = holders.stream().filter(IdentityResolver::isStrong).count();
        IdentityStore.IdRef ref = store.id(title);
        if (strong == 1 && ref == null) {
            store.putId(title, new IdentityStore.IdRef(cluster.id(), true));
            cluster.aliases().add(title);
            run.changes.add(new Change.AliasSet(title, cluster.id()));
            run.touched(cluster);
        } else if (strong > 1 && ref != null && ref.derived()) {
            store.removeId(title);
            PaperCluster holder = run.load(ref.canonical());
            if (holder != null && holder.aliases().remove(title)) {
                run.touched(holder);
            }
            run.changes.add(new Change.AliasRemoved(title));
        }
    }

    private List<String> otherStrongHolders(String title, String target, Run run) {
        return store.titleHolders(title).stream()
                .filter(IdentityResolver::isStrong)
                .filter(h -> !h.equals(target) && !run.removedIds.contains(h))
                .toList();
    }

    private static Set<String> fingerprints(PaperCluster cluster) {
        Set<String> result = new LinkedHashSet<>();
        for (RawPaper source : cluster.sources().values()) {
            PaperIds.titleId(source.title()).ifPresent(result::add);
        }
        return result;
    }

    static boolean isStrong(String id) {
        return strength(id) > 0;
    }

    /** 2 for arXiv ids, 1 for DOIs, 0 for title fingerprints. */
    static int strength(String id) {
        if (id.startsWith("arxiv:")) {
            return 2;
        }
        return id.startsWith("doi:") ? 1 : 0;
    }

    /** The clusters one record touches, saved and emitted once each at the end. */
    private final class Run {
        final Map<String, PaperCluster> loaded = new LinkedHashMap<>();
        final Set<String> touchedIds = new LinkedHashSet<>();
        final Set<String> removedIds = new LinkedHashSet<>();
        final List<Change> changes = new ArrayList<>();

        PaperCluster load(String id) {
            PaperCluster cluster = loaded.get(id);
            if (cluster == null) {
                cluster = store.cluster(id);
                if (cluster == null) {
                    if (removedIds.contains(id)) {
                        return null;
                    }
                    cluster = PaperCluster.empty(id);
                }
                loaded.put(id, cluster);
            }
            return cluster;
        }

        void touched(PaperCluster cluster) {
            touchedIds.add(cluster.id());
        }

        void removed(String id) {
            removedIds.add(id);
            touchedIds.remove(id);
            loaded.remove(id);
        }

        List<Change> finish() {
            // the merged paper first, then the ids merged into it: a reader never finds neither
            List<Change> result = new ArrayList<>();
            for (String id : touchedIds) {
                PaperCluster cluster = loaded.get(id);
                if (cluster == null || cluster.sources().isEmpty()) {
                    continue;
                }
                long revision = Math.max(cluster.revision() + 1, cluster.newestSourceRevision());
                PaperCluster saved = cluster.withRevision(revision);
                store.putCluster(saved);
                result.add(new Change.Upsert(PaperMerger.merge(
                        id, revision, saved.aliases(), saved.sources().values(), extractor)));
            }
            for (String id : removedIds) {
                store.removeCluster(id);
                result.add(new Change.Removed(id));
            }
            result.addAll(changes);
            return result;
        }
    }
}
