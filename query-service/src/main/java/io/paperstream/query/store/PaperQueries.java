package io.paperstream.query.store;

import io.paperstream.query.domain.Counting;
import io.paperstream.query.domain.Counting.Counter;
import io.paperstream.query.domain.Counting.Total;
import io.paperstream.query.domain.Cursor;
import io.paperstream.query.domain.PaperFilter;
import io.paperstream.query.domain.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

/** Read queries of the store: one page of a search, counts, facets, one paper. */
@ApplicationScoped
public class PaperQueries {
    /** One page: the papers in order, and the keys of the last one when there is a next page. */
    public record Page(List<PaperEntity> papers, Cursor last) {}

    /** A value of a facet and how many papers have it. */
    public record Count(String value, long count) {}

    /**
     * Facets of a filter and the number of papers it selects ({@code total}). {@code sample} is the share of the
     * matching papers that were counted: 1 when counts and total are exact, less when both are estimates from a sample.
     */
    public record Facets(long total, double sample, Map<String, List<Count>> counts) {
        public boolean exact() {
            return sample >= 1;
        }
    }

    /** The facets of the API, by their name in {@code facet_count} and in the answers. */
    public static final List<String> FACETS = List.of("tag", "linkKind", "host", "category", "year");
    /** The facet whose values are listed newest first (by value) instead of most frequent first. */
    public static final String YEAR = "year";

    private static final String FACET_COUNTS = String.join(
            " UNION ALL ",
            FACETS.stream()
                    .map(f -> "(SELECT facet, value, papers FROM facet_count WHERE facet = '" + f + "' AND papers > 0 "
                            + "ORDER BY " + order(f) + " LIMIT ?1)")
                    .toList());
    /** The facets of the papers that have one given value (?1 its facet, ?2 the value), from the pair counters (V3). */
    private static final String PAIR_COUNTS = String.join(
            " UNION ALL ",
            FACETS.stream()
                    .map(f ->
                            "(SELECT facet, value, papers FROM facet_pair_count WHERE filter_facet = ?1 AND filter_value = ?2 AND facet = '"
                                    + f + "' AND papers > 0 ORDER BY " + order(f) + " LIMIT ?3)")
                    .toList());

    private static final String TAG_COUNTS =
            "SELECT value, papers FROM facet_count WHERE facet = 'tag' AND papers > 0 " + "ORDER BY papers DESC, value";
    private static final String ONE_COUNTER =
            "SELECT coalesce(sum(papers), 0) FROM facet_count WHERE facet = ?1 AND value = ?2";
    private static final String ALL_PAPERS = "SELECT coalesce(sum(papers), 0) FROM facet_count WHERE facet = 'all'";

    /** The search text as PostgreSQL's tsquery, in its text form (the facets use it as is and relaxed). */
    private static final String TSQUERY = "SELECT CAST(paper_search_query(CAST(?1 AS text)) AS text)";

    private final Mutiny.SessionFactory sessions;

    private static String order(String facet) {
        return facet.equals(YEAR) ? "value DESC" : "papers DESC, value";
    }

    /** The order of a facet's values: years newest first, the others most frequent first, ties by value. */
    static java.util.Comparator<Count> comparator(String facet) {
        return facet.equals(YEAR)
                ? java.util.Comparator.comparing(Count::value).reversed()
                : java.util.Comparator.comparingLong(Count::count).reversed().thenComparing(Count::value);
    }

    public PaperQueries(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public Uni<Page> page(PaperFilter filter, Sort sort, Cursor after, int limit) {
        return sessions.withSession(session -> {
            PaperSql sql = PaperSql.filtered(filter);
            String pageSql = sql.page(sort, after, limit);
            return sql.bind(session.createNativeQuery(pageSql, Object[].class))
                    .getResultList()
                    .chain(found -> {
                        boolean more = found.size() > limit;
                        List<Object[]> rows = more ? found.subList(0, limit) : found;
                        Cursor last = null;
                        if (more) {
                            Object[] r = rows.get(rows.size() - 1);
                            last = new Cursor(
                                    sort, (String) r[2], ((Number) r[1]).intValue(), (String) r[0], filter.hash(sort));
                        }
                        Cursor next = last;
                        return load(
                                        session,
                                        rows.stream().map(r -> (String) r[0]).toList())
                                .map(papers -> new Page(papers, next));
                    });
        });
    }

    /** The number of papers the filter selects, as {@link Counting} decides (counters, estimate, sample or count). */
    public Uni<Total> total(PaperFilter filter, int cap) {
        return sessions.withSession(session -> {
            Optional<Counter> counter = Counting.counter(filter);
            if (counter.isPresent()) {
                return fromCounter(session, counter.get()).map(n -> new Total(n, true));
            }
            // PostgreSQL's estimate first: counting a broad search costs a scan of every matching index entry
            return estimate(session, filter).chain(estimate -> {
                boolean phrase = filter.hasText() && filter.q().indexOf('"') >= 0;
                return switch (Counting.afterEstimate(estimate, cap, phrase)) {
                    case ANSWER_ESTIMATE -> Uni.createFrom().item(new Total(estimate, false));
                    case COUNT_SAMPLE -> {
                        PaperSql sample = PaperSql.filtered(filter);
                        yield sample.bind(session.createNativeQuery(sample.sampleCount(), Long.class))
                                .getSingleResult()
                                .chain(n -> Counting.afterSample(n, cap)
                                        .map(t -> Uni.createFrom().item(t))
                                        .orElseGet(() -> cappedCount(session, filter, cap, estimate)));
                    }
                    case COUNT_CAPPED -> cappedCount(session, filter, cap, estimate);
                };
            });
        });
    }

    private Uni<Total> cappedCount(Mutiny.Session session, PaperFilter filter, int cap, long estimate) {
        PaperSql sql = PaperSql.filtered(filter);
        return sql.bind(session.createNativeQuery(sql.cappedCount(cap), Long.class))
                .getSingleResult()
                .map(n -> Counting.afterCount(n, cap, estimate));
    }

    private Uni<Long> estimate(Mutiny.Session session, PaperFilter filter) {
        PaperSql sql = PaperSql.filtered(filter);
        return sql.bind(session.createNativeQuery(sql.estimate(), String.class))
                .getResultList()
                .map(plan -> PlanRows.of(String.join("\n", plan)));
    }

    /** The exact number of papers from one counter (or the all-papers counter). */
    private static Uni<Long> fromCounter(Mutiny.Session session, Counter counter) {
        return counter.all()
                ? session.createNativeQuery(ALL_PAPERS, Long.class).getSingleResult()
                : session.createNativeQuery(ONE_COUNTER, Long.class)
                        .setParameter(1, counter.facet())
                        .setParameter(2, counter.value())
                        .getSingleResult();
    }

    private Uni<List<PaperEntity>> load(Mutiny.Session session, List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.find(PaperEntity.class, ids.toArray()).map(found -> {
            Map<String, PaperEntity> byId = new HashMap<>();
            found.stream().filter(Objects::nonNull).forEach(p -> byId.put(p.id, p));
            // a paper deleted between the two queries is simply left out
            return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        });
    }

    public Uni<PaperEntity> byId(String id) {
        return sessions.withSession(session -> session.find(PaperEntity.class, id));
    }

    /** The ids of the papers that have these ids as aliases (ids merged into them, DOIs, title fingerprints). */
    private static final String BY_ALIAS = "SELECT a, p.id FROM paper p CROSS JOIN LATERAL unnest(p.aliases) a "
            + "WHERE p.aliases && CAST(CAST(?1 AS text) AS text[]) AND a = ANY(CAST(CAST(?1 AS text) AS text[]))";

    /**
     * The papers that ids (in paperstream's form: {@code arxiv:…}, {@code doi:…}, {@code title:…}) name, in the same
     * order, null where none does: the paper with that id, else the paper that has it as an alias.
     */
    public Uni<List<PaperEntity>> byAnyIds(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> distinct = ids.stream().distinct().toList();
        return sessions.withSession(session -> session.find(PaperEntity.class, distinct.toArray())
                .chain(found -> {
                    Map<String, PaperEntity> byId = new HashMap<>();
                    found.stream().filter(Objects::nonNull).forEach(p -> byId.put(p.id, p));
                    List<String> missing = distinct.stream()
                            .filter(id -> !byId.containsKey(id))
                            .toList();
                    if (missing.isEmpty()) {
                        return Uni.createFrom().item(ids.stream().map(byId::get).toList());
                    }
                    return session.createNativeQuery(BY_ALIAS, Object[].class)
                            .setParameter(1, PaperWriter.pgTextArray(missing))
                            .getResultList()
                            .chain(rows -> {
                                Map<String, String> canonical = new HashMap<>();
                                rows.forEach(r -> canonical.putIfAbsent((String) r[0], (String) r[1]));
                                List<String> more = canonical.values().stream()
                                        .filter(id -> !byId.containsKey(id))
                                        .distinct()
                                        .toList();
                                Uni<List<PaperEntity>> extra = more.isEmpty()
                                        ? Uni.createFrom().item(List.of())
                                        : session.find(PaperEntity.class, more.toArray());
                                return extra.map(loaded -> {
                                    loaded.stream().filter(Objects::nonNull).forEach(p -> byId.put(p.id, p));
                                    List<PaperEntity> result = new java.util.ArrayList<>();
                                    for (String id : ids) {
                                        PaperEntity p = byId.get(id);
                                        result.add(
                                                p != null
                                                        ? p
                                                        : canonical.containsKey(id)
                                                                ? byId.get(canonical.get(id))
                                                                : null);
                                    }
                                    return result;
                                });
                            });
                }));
    }

    /**
     * Counts by tag, link kind, host, category and year of the papers the filter selects, most frequent first (ties by
     * value; years newest first), at most {@code limit} per facet, with the number of selected papers; from where
     * {@link Counting#facetSource} says. Sampled counts are scaled up and flagged by {@link Facets#sample()} below 1.
     */
    public Uni<Facets> facets(PaperFilter filter, int limit, boolean exact, long budget) {
        return sessions.withSession(session -> {
            Counting.FacetSource source = Counting.facetSource(filter);
            if (source == Counting.FacetSource.COUNTERS) {
                return session.createNativeQuery(FACET_COUNTS, Object[].class)
                        .setParameter(1, limit)
                        .getResultList()
                        .chain(rows ->
                                fromCounter(session, Counter.ALL).map(total -> new Facets(total, 1, top(rows, limit))));
            }
            if (source == Counting.FacetSource.PAIR_COUNTERS) {
                Counter counter = Counting.counter(filter).orElseThrow();
                return session.createNativeQuery(PAIR_COUNTS, Object[].class)
                        .setParameter(1, counter.facet())
                        .setParameter(2, counter.value())
                        .setParameter(3, limit)
                        .getResultList()
                        .chain(rows ->
                                fromCounter(session, counter).map(total -> new Facets(total, 1, top(rows, limit))));
            }
            Uni<String> tsquery = filter.hasText()
                    ? session.createNativeQuery(TSQUERY, String.class)
                            .setParameter(1, filter.q())
                            .getSingleResult()
                    : Uni.createFrom().nullItem();
            return tsquery.chain(text -> sampled(session, filter, text, exact, budget)
                    .chain(sample -> {
                        PaperSql sql = PaperSql.matching(filter, text);
                        double scale = sample ? Counting.SAMPLE_SHARE : 1;
                        return sql.bind(session.createNativeQuery(sql.facetKeys(sample), Object[].class))
                                .getSingleResult()
                                .map(row -> new Facets(
                                        Math.round(((Number) row[0]).longValue() * scale),
                                        1 / scale,
                                        FacetTally.of((String) row[1]).top(limit, scale)));
                    }));
        });
    }

    /** Whether the facets of a counted filter count the sample instead of every matching paper. */
    private Uni<Boolean> sampled(
            Mutiny.Session session, PaperFilter filter, String tsquery, boolean exact, long budget) {
        if (exact) {
            return Uni.createFrom().item(false); // no need to ask for the estimate
        }
        boolean phrase = tsquery != null && FacetSample.hasPhrase(tsquery);
        PaperSql candidates = PaperSql.matching(filter, tsquery == null ? null : FacetSample.relaxed(tsquery));
        return candidates
                .bind(session.createNativeQuery(candidates.estimate(), String.class))
                .getResultList()
                .map(plan -> Counting.sampleFacets(PlanRows.of(String.join("\n", plan)), phrase, budget, false));
    }

    /** The search text as PostgreSQL's tsquery, in its text form (for the snippets' lexemes). */
    public Uni<String> tsquery(String q) {
        return sessions.withSession(session -> session.createNativeQuery(TSQUERY, String.class)
                .setParameter(1, q)
                .getSingleResult());
    }

    /** Every tag in use with its paper count, most used first. */
    public Uni<List<Count>> tags() {
        return sessions.withSession(session -> session.createNativeQuery(TAG_COUNTS, Object[].class)
                .getResultList()
                .map(rows -> rows.stream()
                        .map(r -> new Count((String) r[0], ((Number) r[1]).longValue()))
                        .toList()));
    }

    private static Map<String, List<Count>> top(List<Object[]> rows, int limit) {
        Map<String, List<Count>> byFacet = new LinkedHashMap<>();
        FACETS.forEach(f -> byFacet.put(f, new ArrayList<>()));
        for (Object[] r : rows) {
            List<Count> counts = byFacet.get((String) r[0]);
            if (counts != null) {
                counts.add(new Count((String) r[1], ((Number) r[2]).longValue()));
            }
        }
        byFacet.replaceAll((facet, counts) ->
                counts.stream().sorted(comparator(facet)).limit(limit).toList());
        return byFacet;
    }
}
