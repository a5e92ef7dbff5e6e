package io.paperstream.query.store;

import io.paperstream.query.domain.Cursor;
import io.paperstream.query.domain.PaperFilter;
import io.paperstream.query.domain.Sort;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Builds the parameterised SQL of the paper queries. Every user value becomes a bind parameter ({@code ?n});
 * nothing the user sends is ever spliced into the SQL text.
 */
final class PaperSql {
    static final String TSQUERY = "websearch_to_tsquery('english', CAST(%s AS text))";

    /** How bind parameters are written: {@code ?1} for Hibernate native queries, {@code $1} for the Vert.x client. */
    enum Placeholders {
        JPA("?"), VERTX("$");

        private final String prefix;

        Placeholders(String prefix) {
            this.prefix = prefix;
        }
    }

    private final Placeholders placeholders;
    private final List<Object> params = new ArrayList<>();
    private final StringBuilder where = new StringBuilder(" WHERE true");
    private String queryParam;

    private PaperSql(Placeholders placeholders) {
        this.placeholders = placeholders;
    }

    static PaperSql filtered(PaperFilter filter) {
        return filtered(filter, Placeholders.JPA);
    }

    static PaperSql filtered(PaperFilter filter, Placeholders placeholders) {
        PaperSql sql = new PaperSql(placeholders);
        if (filter.hasText()) {
            sql.queryParam = sql.bind(filter.q());
            sql.where.append(" AND p.search @@ ").append(TSQUERY.formatted(sql.queryParam));
        }
        sql.containsAll("p.tag_names", filter.tags());
        sql.containsAll("p.link_kinds", filter.linkKinds());
        sql.containsAll("p.link_hosts", filter.hosts());
        sql.containsAll("p.link_subjects", filter.subjects());
        // from/to select by publication date; sort_date equals published_on whenever that is known, so repeating the
        // bound on sort_date lets the date-ordered index serve the range
        if (filter.from() != null) {
            String from = sql.asDate(filter.from().toString());
            sql.where.append(" AND p.published_on >= ").append(from).append(" AND p.sort_date >= ").append(from);
        }
        if (filter.to() != null) {
            String to = sql.asDate(filter.to().toString());
            sql.where.append(" AND p.published_on <= ").append(to).append(" AND p.sort_date <= ").append(to);
        }
        return sql;
    }

    private void containsAll(String column, List<String> values) {
        if (!values.isEmpty()) {
            where.append(" AND ").append(column).append(" @> CAST(CAST(").append(bind(PaperWriter.pgTextArray(values)))
                    .append(" AS text) AS text[])");
        }
    }

    /** A date parameter, bound as text (see {@link PaperWriter#DELETE} on why parameters are bound as text). */
    String asDate(String isoDate) {
        return "CAST(CAST(" + bind(isoDate) + " AS text) AS date)";
    }

    String bind(Object value) {
        params.add(value);
        return placeholders.prefix + params.size();
    }

    List<Object> params() {
        return params;
    }

    /** {@code SELECT id, rank, sort_date} of one page (limit + 1 rows, to know whether there is a next page). */
    String page(Sort sort, Cursor after, int limit) {
        String rank = queryParam == null ? "CAST(0 AS real)" : "ts_rank(p.search, " + TSQUERY.formatted(queryParam) + ")";
        StringBuilder sql = new StringBuilder("SELECT p.id, ").append(rank).append(" AS rank, CAST(p.sort_date AS text) AS d FROM paper p")
                .append(where);
        if (after != null) {
            switch (sort) {
                case NEWEST -> sql.append(" AND (p.sort_date, p.id) < (").append(asDate(after.sortDate()))
                        .append(", ").append(bind(after.id())).append(")");
                case OLDEST -> sql.append(" AND (p.sort_date, p.id) > (").append(asDate(after.sortDate()))
                        .append(", ").append(bind(after.id())).append(")");
                case RELEVANCE -> {
                    String r = bind(after.rank());
                    sql.append(" AND (").append(rank).append(" < CAST(").append(r).append(" AS real) OR (")
                            .append(rank).append(" = CAST(").append(r).append(" AS real) AND p.id > ").append(bind(after.id()))
                            .append("))");
                }
            }
        }
        sql.append(switch (sort) {
            case NEWEST -> " ORDER BY p.sort_date DESC, p.id DESC";
            case OLDEST -> " ORDER BY p.sort_date ASC, p.id ASC";
            case RELEVANCE -> " ORDER BY rank DESC, p.id ASC";
        });
        sql.append(" LIMIT ").append(bind(limit + 1));
        return sql.toString();
    }

    /** The ids among {@code ids} that match the filter (for the live stream). */
    String idsAmong(List<String> ids) {
        return "SELECT p.id FROM paper p" + where + " AND p.id = ANY(CAST(CAST(" + bind(PaperWriter.pgTextArray(ids))
                + " AS text) AS text[]))";
    }

    String count() {
        return "SELECT count(*) FROM paper p" + where;
    }

    /** Counts per value of an array column, for facets. */
    String facet(String column, int limit) {
        return "SELECT v, count(*) AS n FROM paper p CROSS JOIN LATERAL unnest(p." + column + ") AS v" + where
                + " GROUP BY v ORDER BY n DESC, v ASC LIMIT " + bind(limit);
    }

    static Collection<String> allowedFacetColumns() {
        return List.of("tag_names", "link_kinds", "link_hosts");
    }
}
