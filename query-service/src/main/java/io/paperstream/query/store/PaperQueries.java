package io.paperstream.query.store;

import io.paperstream.query.domain.Cursor;
import io.paperstream.query.domain.PaperFilter;
import io.paperstream.query.domain.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Read queries of the store: one page of a search, counts, facets, one paper. */
@ApplicationScoped
public class PaperQueries {
    /** One page: the papers in order, and the keys of the last one when there is a next page. */
    public record Page(List<PaperEntity> papers, Cursor last, long total) {
    }

    /** A value of a facet and how many papers have it. */
    public record Count(String value, long count) {
    }

    private final Mutiny.SessionFactory sessions;

    public PaperQueries(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public Uni<Page> page(PaperFilter filter, Sort sort, Cursor after, int limit, boolean withTotal) {
        return sessions.withSession(session -> {
            PaperSql sql = PaperSql.filtered(filter);
            String pageSql = sql.page(sort, after, limit);
            Uni<List<Object[]>> rows = bindAll(session.createNativeQuery(pageSql, Object[].class), sql.params())
                    .getResultList();
            return rows.chain(found -> {
                boolean more = found.size() > limit;
                List<Object[]> pageRows = more ? found.subList(0, limit) : found;
                List<String> ids = pageRows.stream().map(r -> (String) r[0]).toList();
                Cursor last = null;
                if (more) {
                    Object[] r = pageRows.get(pageRows.size() - 1);
                    last = new Cursor(sort, (String) r[2], sort == Sort.RELEVANCE ? ((Number) r[1]).floatValue() : null,
                            (String) r[0], filter.hash(sort));
                }
                Cursor next = last;
                return load(session, ids).chain(papers -> withTotal
                        ? count(session, filter).map(total -> new Page(papers, next, total))
                        : Uni.createFrom().item(new Page(papers, next, -1)));
            });
        });
    }

    private Uni<Long> count(Mutiny.Session session, PaperFilter filter) {
        PaperSql sql = PaperSql.filtered(filter);
        return bindAll(session.createNativeQuery(sql.count(), Long.class), sql.params()).getSingleResult();
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

    /** Counts by tag, link kind and host for the papers matching the filter. */
    public Uni<Map<String, List<Count>>> facets(PaperFilter filter, int limit) {
        return sessions.withSession(session -> {
            Map<String, List<Count>> result = new LinkedHashMap<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String column : PaperSql.allowedFacetColumns()) {
                chain = chain.chain(() -> counts(session, filter, column, limit).invoke(c -> result.put(column, c)))
                        .replaceWithVoid();
            }
            return chain.replaceWith(result);
        });
    }

    public Uni<Long> total(PaperFilter filter) {
        return sessions.withSession(session -> count(session, filter));
    }

    private Uni<List<Count>> counts(Mutiny.Session session, PaperFilter filter, String column, int limit) {
        PaperSql sql = PaperSql.filtered(filter);
        String facetSql = sql.facet(column, limit);
        return bindAll(session.createNativeQuery(facetSql, Object[].class), sql.params()).getResultList()
                .map(rows -> {
                    List<Count> counts = new ArrayList<>(rows.size());
                    rows.forEach(r -> counts.add(new Count((String) r[0], ((Number) r[1]).longValue())));
                    return counts;
                });
    }

    private static <T> Mutiny.SelectionQuery<T> bindAll(Mutiny.SelectionQuery<T> query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }
}
