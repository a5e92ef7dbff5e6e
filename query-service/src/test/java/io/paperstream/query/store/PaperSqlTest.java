package io.paperstream.query.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.query.domain.Cursor;
import io.paperstream.query.domain.PaperFilter;
import io.paperstream.query.domain.Sort;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperSqlTest {
    private static final String EVIL = "x'); DROP TABLE paper; --";
    private static final PaperFilter ALL = new PaperFilter(
            EVIL,
            List.of(EVIL),
            List.of("code"),
            List.of(EVIL),
            List.of(EVIL),
            LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 12, 31));

    @Test
    void userValuesAreParametersNeverSqlText() {
        PaperSql sql = PaperSql.filtered(ALL);
        Cursor after = new Cursor(Sort.RELEVANCE, "2024-05-01", 2, EVIL, "h");
        for (String text : List.of(
                sql.page(Sort.RELEVANCE, after, 20),
                sql.page(Sort.NEWEST, after, 20),
                sql.cappedCount(100),
                sql.facetKeys(true),
                sql.idsAmong(List.of(EVIL)))) {
            assertThat(text).doesNotContain("DROP").doesNotContain("x'");
        }
        assertThat(sql.params()).contains(EVIL, "{\"x'); DROP TABLE paper; --\"}", "2024-01-01", "2024-12-31");
    }

    @Test
    void filtersBecomeContainmentAndDateConditionsWithTheTextMatchLast() {
        PaperSql sql = PaperSql.filtered(ALL);
        String page = sql.page(Sort.NEWEST, null, 20);
        assertThat(page)
                .contains("p.tag_names @> CAST(CAST(?2 AS text) AS text[])")
                .contains("p.link_kinds @> CAST(CAST(?3 AS text) AS text[])")
                .contains(
                        "p.published_on >= CAST(CAST(?6 AS text) AS date) AND p.sort_date >= CAST(CAST(?6 AS text) AS date)")
                .endsWith(
                        "AND p.search @@ paper_search_query(CAST(?1 AS text)) ORDER BY p.sort_date DESC, p.id DESC LIMIT ?8");
        assertThat(sql.params().get(7)).isEqualTo(21);
    }

    @Test
    void oldestWalksForwardFromTheCursor() {
        PaperSql sql = PaperSql.filtered(PaperFilter.none());
        String page = sql.page(Sort.OLDEST, new Cursor(Sort.OLDEST, "2024-05-01", 0, "arxiv:2405.00001", "h"), 10);
        assertThat(page)
                .contains("AND (p.sort_date, p.id) > (CAST(CAST(?1 AS text) AS date), CAST(?2 AS text))")
                .endsWith("ORDER BY p.sort_date ASC, p.id ASC LIMIT ?3");
        assertThat(sql.params()).containsExactly("2024-05-01", "arxiv:2405.00001", 11);
    }

    @Test
    void relevanceConcatenatesTheTiersFromTheCursorTierDown() {
        PaperFilter q = new PaperFilter("lantern", List.of(), List.of(), List.of(), List.of(), null, null);
        String first = PaperSql.filtered(q).page(Sort.RELEVANCE, null, 5);
        assertThat(first.split("UNION ALL")).hasSize(3);
        assertThat(first)
                .contains("(SELECT p.id, 3 AS tier")
                .contains("2 AS tier")
                .contains("1 AS tier")
                .contains("p.search_title @@")
                .contains("AND NOT (p.search_title @@");

        PaperSql sql = PaperSql.filtered(q);
        String later =
                sql.page(Sort.RELEVANCE, new Cursor(Sort.RELEVANCE, "2024-05-01", 2, "arxiv:2405.00001", "h"), 5);
        assertThat(later.split("UNION ALL")).hasSize(2);
        assertThat(later)
                .doesNotContain("3 AS tier")
                .contains("AND (p.sort_date, p.id) < (CAST(CAST(?3 AS text) AS date), CAST(?4 AS text))");
        // the keyset condition applies to the cursor's own tier only
        assertThat(later.substring(later.indexOf("1 AS tier"))).doesNotContain("p.sort_date, p.id) <");
    }

    @Test
    void titleAndKeyphraseTiersSkipTheFullTextTestUnlessTheQueryExcludesWords() {
        String plain = PaperSql.filtered(
                        new PaperFilter("lantern light", List.of(), List.of(), List.of(), List.of(), null, null))
                .page(Sort.RELEVANCE, null, 5);
        String[] tiers = plain.split("UNION ALL");
        assertThat(tiers[0]).doesNotContain("p.search @@");
        assertThat(tiers[1]).doesNotContain("p.search @@");
        assertThat(tiers[2]).contains("p.search @@");
        String excluding = PaperSql.filtered(
                        new PaperFilter("lantern -light", List.of(), List.of(), List.of(), List.of(), null, null))
                .page(Sort.RELEVANCE, null, 5);
        for (String tier : excluding.split("UNION ALL")) {
            assertThat(tier).contains("p.search @@");
        }
        // a hyphenated word is not an exclusion
        String hyphen = PaperSql.filtered(
                        new PaperFilter("in-context learning", List.of(), List.of(), List.of(), List.of(), null, null))
                .page(Sort.RELEVANCE, null, 5);
        assertThat(hyphen.split("UNION ALL")[0]).doesNotContain("p.search @@");
    }

    @Test
    void aPreparedTsqueryIsAParameterToo() {
        PaperSql sql = PaperSql.matching(ALL, "'x'') & DROP TABLE paper; --'");
        String keys = sql.facetKeys(true);
        assertThat(keys)
                .doesNotContain("DROP")
                .doesNotContain("paper_search_query")
                .contains("FROM paper_sample p")
                .endsWith("AND p.search @@ CAST(CAST(?1 AS text) AS tsquery)");
        assertThat(sql.params().get(0)).isEqualTo("'x'') & DROP TABLE paper; --'");
        assertThat(PaperSql.matching(ALL, "'x'").facetKeys(false))
                .contains("FROM paper p")
                .doesNotContain("sample");
    }

    @Test
    void theLiveStreamsMatchingQueryBindsTheFilterAndTheIds() {
        PaperFilter f = new PaperFilter(null, List.of("a"), List.of(), List.of(), List.of(), null, null);
        PaperSql sql = PaperSql.filtered(f);
        assertThat(sql.idsAmong(List.of("arxiv:2401.00001")))
                .contains("?1")
                .contains("?2")
                .doesNotContain("$");
        assertThat(sql.params()).hasSize(2);
    }
}
