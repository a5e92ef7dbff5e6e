package io.paperstream.query.store;

import io.paperstream.query.domain.Cursor;
import io.paperstream.query.domain.PaperFilter;
import io.paperstream.query.domain.Sort;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Builds the parameterised SQL of the paper queries. Every user value becomes a bind parameter; nothing the user sends
 * is ever spliced into the SQL text. Values are bound as text and cast in SQL (see {@link PaperWriter#DELETE}).
 */
final class PaperSql {
    /** Relevance tiers, best first: the title alone matches the query, the keyphrases alone do, it matches at all. */
    static final int TITLE = 3;

    static final int KEYPHRASES = 2;
    static final int ANYWHERE = 1;
    /** A word excluded in web-search syntax: a minus at the start of a word. */
    private static final java.util.regex.Pattern NEGATION = java.util.regex.Pattern.compile("(^|\\s)-\\S");

    private final List<Object> params = new ArrayList<>();
    private final StringBuilder where = new StringBuilder();
    private String query;
    /** Whether the query excludes words ({@code -word}): then a field matching it does not imply the paper does. */
    private boolean negated;

    private PaperSql() {}

    static PaperSql filtered(PaperFilter filter) {
        return filtered(filter, null);
    }

    /**
     * As {@link #filtered(PaperFilter)}, with the search text already turned into a tsquery (its text form, as
     * PostgreSQL prints it): the facets ask PostgreSQL for it once, then use it, or a relaxed form of it, in their
     * queries.
     */
    static PaperSql matching(PaperFilter filter, String tsquery) {
        return filtered(filter, tsquery);
    }

    private static PaperSql filtered(PaperFilter filter, String tsquery) {
        PaperSql sql = new PaperSql();
        if (filter.hasText()) {
            sql.query = tsquery == null
                    ? "paper_search_query(CAST(" + sql.bind(filter.q()) + " AS text))"
                    : sql.asTsquery(tsquery);
        }
        sql.containsAll("p.tag_names", filter.tags());
        sql.containsAll("p.link_kinds", filter.linkKinds());
        sql.containsAll("p.link_hosts", filter.hosts());
        sql.containsAll("p.link_subjects", filter.subjects());
        sql.containsAll("p.categories", filter.categories());
        sql.containsAll("p.author_words", filter.authorWords());
        // from/to select by publication date; sort_date equals published_on whenever that is known, so repeating the
        // bound on sort_date lets the date-ordered index serve the range
        if (filter.from() != null) {
            String from = sql.asDate(filter.from().toString());
            sql.where
                    .append(" AND p.published_on >= ")
                    .append(from)
                    .append(" AND p.sort_date >= ")
                    .append(from);
        }
        if (filter.to() != null) {
            String to = sql.asDate(filter.to().toString());
            sql.where
                    .append(" AND p.published_on <= ")
                    .append(to)
                    .append(" AND p.sort_date <= ")
                    .append(to);
        }
        sql.negated = filter.hasText() && NEGATION.matcher(filter.q()).find();
        return sql;
    }

    private void containsAll(String column, List<String> values) {
        if (!values.isEmpty()) {
            where.append(" AND ")
                    .append(column)
                    .append(" @> CAST(CAST(")
                    .append(bind(PaperWriter.pgTextArray(values)))
                    .append(" AS text) AS text[])");
        }
    }

    private String asTsquery(String text) {
        return "CAST(CAST(" + bind(text) + " AS text) AS tsquery)";
    }

    private String asDate(String isoDate) {
        return "CAST(CAST(" + bind(isoDate) + " AS text) AS date)";
    }

    private String bind(Object value) {
        params.add(value);
        return "?" + params.size();
    }

    /**
     * The WHERE clause with the given conditions first (they should be the cheaper ones), then the filters, then the
     * text match: PostgreSQL tests conditions of equal cost in the order written, and the text match reads the paper's
     * full, out-of-line search vector when no index answers it.
     */
    private String where(String first) {
        return " WHERE true" + first + where + (query == null ? "" : " AND p.search @@ " + query);
    }

    /**
     * As {@link #where(String)}, for a tier condition that already implies the text match: without exclusions, the
     * title or the keyphrases matching the query means the paper matches it (they are part of its search vector,
     * at the same relative positions), and leaving the redundant test out keeps PostgreSQL from intersecting it
     * with the big index of every word.
     */
    private String whereImplied(String tier) {
        return negated ? where(tier) : " WHERE true" + tier + where;
    }

    List<Object> params() {
        return params;
    }

    /** The query with this SQL's parameters bound, in order. */
    <T> Mutiny.SelectionQuery<T> bind(Mutiny.SelectionQuery<T> query) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }

    /**
     * {@code SELECT id, tier, sort_date} of one page, {@code limit + 1} rows to tell whether there is a next page.
     * Date orders walk {@code (sort_date, id)}; relevance concatenates the tiers (each newest first), starting at the
     * cursor's tier, and PostgreSQL stops as soon as the page is full.
     */
    String page(Sort sort, Cursor after, int limit) {
        if (sort != Sort.RELEVANCE) {
            boolean newest = sort == Sort.NEWEST;
            StringBuilder sql = new StringBuilder("SELECT p.id, 0 AS tier, CAST(p.sort_date AS text) AS d FROM paper p")
                    .append(where(""));
            if (after != null) {
                sql.append(" AND (p.sort_date, p.id) ")
                        .append(newest ? "<" : ">")
                        .append(" (")
                        .append(asDate(after.sortDate()))
                        .append(", CAST(")
                        .append(bind(after.id()))
                        .append(" AS text))");
            }
            return sql.append(newest ? " ORDER BY p.sort_date DESC, p.id DESC" : " ORDER BY p.sort_date ASC, p.id ASC")
                    .append(" LIMIT ")
                    .append(bind(limit + 1))
                    .toString();
        }
        if (query == null) {
            throw new IllegalStateException("relevance needs a query");
        }
        String rows = bind(limit + 1);
        int firstTier = after == null ? TITLE : after.tier();
        List<String> tiers = new ArrayList<>();
        for (int tier = firstTier; tier >= ANYWHERE; tier--) {
            StringBuilder sql = new StringBuilder("(SELECT p.id, ")
                    .append(tier)
                    .append(" AS tier, CAST(p.sort_date AS text) AS d FROM paper p")
                    .append(tier == ANYWHERE ? where(tierCondition(tier)) : whereImplied(tierCondition(tier)));
            if (after != null && tier == after.tier()) {
                sql.append(" AND (p.sort_date, p.id) < (")
                        .append(asDate(after.sortDate()))
                        .append(", CAST(")
                        .append(bind(after.id()))
                        .append(" AS text))");
            }
            tiers.add(sql.append(" ORDER BY p.sort_date DESC, p.id DESC LIMIT ")
                    .append(rows)
                    .append(")")
                    .toString());
        }
        return "SELECT * FROM (" + String.join(" UNION ALL ", tiers) + ") ranked LIMIT " + rows;
    }

    private String tierCondition(int tier) {
        return switch (tier) {
            case TITLE -> " AND p.search_title @@ " + query;
            case KEYPHRASES -> " AND NOT (p.search_title @@ " + query + ") AND p.search_keyphrases @@ " + query;
            default -> " AND NOT (p.search_title @@ " + query + ") AND NOT (p.search_keyphrases @@ " + query + ")";
        };
    }

    /** The number of matching papers, counted up to {@code cap + 1} (so that "more than cap" is known). */
    String cappedCount(int cap) {
        return "SELECT count(*) FROM (SELECT 1 FROM paper p" + where("") + " LIMIT " + bind(cap + 1) + ") matching";
    }

    /** The number of matching papers among the sample ({@code paper_sample}, V4). */
    String sampleCount() {
        return "SELECT count(*) FROM paper_sample p" + where("");
    }

    /** PostgreSQL's plan for selecting the matching papers, whose top row count is its estimate of their number. */
    String estimate() {
        return "EXPLAIN (FORMAT TEXT) SELECT 1 FROM paper p" + where("");
    }

    /**
     * One row: how many papers match, and their {@code facet_keys} (V4) concatenated, for the service to count; of all
     * papers, or of the {@code paper_sample} (which has the columns that the filters read).
     */
    String facetKeys(boolean sample) {
        return "SELECT count(*), coalesce(string_agg(p.facet_keys, ''), '') FROM " + (sample ? "paper_sample" : "paper")
                + " p" + where("");
    }

    /**
     * The ids of the matching papers stored after a stream position ({@code stored_at}, {@code id}), in that order, at
     * most {@code limit} (for a live-stream client that resumes with Last-Event-ID).
     */
    String idsStoredAfter(java.time.OffsetDateTime storedAt, String id, int limit) {
        return "SELECT p.id FROM paper p"
                + where(" AND (p.stored_at, p.id) > (CAST(CAST(" + bind(storedAt.toString())
                        + " AS text) AS timestamptz), CAST(" + bind(id) + " AS text))")
                + " ORDER BY p.stored_at, p.id LIMIT "
                + Math.max(1, limit);
    }

    /** The ids among {@code ids} that match the filter (for the live stream). */
    String idsAmong(Collection<String> ids) {
        return "SELECT p.id FROM paper p"
                + where(" AND p.id = ANY(CAST(CAST(" + bind(PaperWriter.pgTextArray(ids)) + " AS text) AS text[]))");
    }
}
