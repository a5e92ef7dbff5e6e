package io.paperstream.query.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.query.domain.BadParameterException;
import io.paperstream.query.domain.PaperFilter;
import io.paperstream.query.domain.Sort;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParamsTest {
    private static PaperFilter filter(
            String q,
            List<String> tags,
            List<String> kinds,
            List<String> hosts,
            List<String> subjects,
            String from,
            String to) {
        return QueryParams.filter(q, tags, kinds, hosts, subjects, from, to);
    }

    private static void refused(Runnable call, String parameter) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        BadParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo(parameter));
    }

    @Test
    void normalisesFilterValues() {
        PaperFilter f = filter(
                "  graph  ",
                List.of("Computer-Vision", "computer-vision"),
                List.of("CODE"),
                List.of("WWW.GitHub.com"),
                List.of("Octo/Repo"),
                "2024-01-01",
                "2024-12-31");
        assertThat(f.q()).isEqualTo("graph");
        assertThat(f.tags()).containsExactly("computer-vision");
        assertThat(f.linkKinds()).containsExactly("code");
        assertThat(f.hosts()).containsExactly("github.com");
        assertThat(f.subjects()).containsExactly("octo/repo");
        assertThat(f.from()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(filter(" ", List.of(), List.of(), List.of(), List.of(), null, "")
                        .hasText())
                .isFalse();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "tag|Not A Tag",
                "tag|-leading-dash",
                "linkKind|repo",
                "host|exa mple.com",
                "host|-bad.com",
                "subject|owner repo",
                "from|2024-02-30",
                "to|14/03/2024"
            })
    void refusesMalformedFilterValuesNamingTheParameter(String name, String value) {
        List<String> one = List.of(value);
        refused(
                () -> filter(
                        null,
                        name.equals("tag") ? one : List.of(),
                        name.equals("linkKind") ? one : List.of(),
                        name.equals("host") ? one : List.of(),
                        name.equals("subject") ? one : List.of(),
                        name.equals("from") ? value : null,
                        name.equals("to") ? value : null),
                name);
    }

    @Test
    void refusesTooLongOrControlCharacterQueriesEmptyValuesTooManyValuesAndInvertedRanges() {
        refused(() -> filter("x".repeat(501), List.of(), List.of(), List.of(), List.of(), null, null), "q");
        refused(() -> filter("a\u0000b", List.of(), List.of(), List.of(), List.of(), null, null), "q");
        refused(() -> filter(null, List.of(" "), List.of(), List.of(), List.of(), null, null), "tag");
        refused(
                () -> filter(null, java.util.Collections.nCopies(21, "a"), List.of(), List.of(), List.of(), null, null),
                "tag");
        refused(() -> filter(null, List.of(), List.of(), List.of(), List.of(), "2024-02-01", "2024-01-01"), "from");
    }

    @ParameterizedTest(name = "limit={0}")
    @CsvSource({"0", "201", "-1", "ten", "1.5", "99999999999"})
    void refusesLimitsOutOfRange(String limit) {
        refused(() -> QueryParams.limit(limit, 20, 200), "limit");
    }

    @Test
    void limitDefaultsAndBounds() {
        assertThat(QueryParams.limit(null, 20, 200)).isEqualTo(20);
        assertThat(QueryParams.limit(" 1 ", 20, 200)).isEqualTo(1);
        assertThat(QueryParams.limit("200", 20, 200)).isEqualTo(200);
    }

    @Test
    void sortDefaultsToRelevanceWithTextAndNewestWithout() {
        PaperFilter text = filter("graph", List.of(), List.of(), List.of(), List.of(), null, null);
        assertThat(QueryParams.sort(null, text)).isEqualTo(Sort.RELEVANCE);
        assertThat(QueryParams.sort(null, PaperFilter.none())).isEqualTo(Sort.NEWEST);
        assertThat(QueryParams.sort("OLDEST", text)).isEqualTo(Sort.OLDEST);
        refused(() -> QueryParams.sort("relevance", PaperFilter.none()), "sort");
        refused(() -> QueryParams.sort("best", text), "sort");
    }

    @Test
    void fieldsAlwaysIncludeTheIdAndRefuseUnknownNames() {
        assertThat(QueryParams.fields(null)).isEqualTo(PaperView.FIELDS);
        assertThat(QueryParams.fields("title, links")).containsExactly("id", "title", "links");
        refused(() -> QueryParams.fields("title,nope"), "fields");
        assertThat(QueryParams.fields("title,,")).containsExactly("id", "title");
        refused(() -> QueryParams.fields(" , "), "fields");
    }

    @Test
    void booleansAndUnknownOrEmptyParameters() {
        assertThat(QueryParams.bool("total", null, true)).isTrue();
        assertThat(QueryParams.bool("total", "FALSE", true)).isFalse();
        refused(() -> QueryParams.bool("total", "maybe", true), "total");
        refused(() -> QueryParams.onlyKnown(Map.of("tags", List.of("x")), QueryParams.LIST_PARAMS), "tags");
        refused(() -> QueryParams.onlyKnown(Map.of("host", List.of("")), QueryParams.LIST_PARAMS), "host");
        QueryParams.onlyKnown(Map.of("q", List.of(""), "limit", List.of("5")), QueryParams.LIST_PARAMS);
        assertThat(QueryParams.FACET_PARAMS).doesNotContain("cursor", "sort");
        assertThat(Set.copyOf(QueryParams.LIST_PARAMS)).contains("fields", "total");
    }

    @Test
    void pathSegmentsAreNames() {
        assertThat(QueryParams.pathSegment("owner", "facebook-research")).isEqualTo("facebook-research");
        refused(() -> QueryParams.pathSegment("repo", "re/po"), "repo");
        refused(() -> QueryParams.pathSegment("owner", ""), "owner");
    }
}
