package io.paperstream.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.events.PaperJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The search page's state in its URL and the links that change it; what a paper's page links to. Plain Java. */
class SearchStateTest {
    private static SearchState state(Map<String, List<String>> params) {
        return SearchState.of(params);
    }

    @Test
    void linksUseTheApiParameterNamesInAFixedOrderAndDropEmptyValues() {
        SearchState s = state(Map.of(
                "sort",
                List.of("oldest"),
                "tag",
                List.of("nlp", " ", "cv"),
                "q",
                List.of("\"vision language\" -survey"),
                "host",
                List.of("")));
        assertThat(s.href()).isEqualTo("/?q=%22vision+language%22+-survey&tag=nlp&tag=cv&sort=oldest");
        assertThat(s.apiHref()).isEqualTo("/api/v1/papers?q=%22vision+language%22+-survey&tag=nlp&tag=cv&sort=oldest");
        assertThat(state(Map.of()).href()).isEqualTo("/");
    }

    @Test
    void aFacetValueLinkAddsTheValueOrRemovesItWhenSelectedAndRestartsPaging() {
        SearchState s = state(Map.of("q", List.of("graph"), "tag", List.of("nlp"), "cursor", List.of("abc")));
        assertThat(s.toggle("tag", "cv")).isEqualTo("/?q=graph&tag=nlp&tag=cv");
        assertThat(s.toggle("tag", "nlp")).isEqualTo("/?q=graph");
        assertThat(s.toggle("linkKind", "code")).isEqualTo("/?q=graph&tag=nlp&linkKind=code");
        assertThat(s.next("next").href()).isEqualTo("/?q=graph&tag=nlp&cursor=next&prev=abc");
        assertThat(s.withoutParams().href()).isEqualTo("/?q=graph&tag=nlp");
    }

    @Test
    void previousPagesFollowTheCursorsKeptInTheUrl() {
        SearchState first = state(Map.of("q", List.of("graph")));
        assertThat(first.previous()).isNull();
        assertThat(first.pageNumber()).isEqualTo(1);
        SearchState second = first.next("c1");
        SearchState third = second.next("c2");
        assertThat(third.href()).isEqualTo("/?q=graph&cursor=c2&prev=c1");
        assertThat(third.pageNumber()).isEqualTo(3);
        assertThat(third.previous()).isEqualTo(second);
        assertThat(second.previous()).isEqualTo(first);
        // the API never sees the page's own parameter; any change of the search starts at the first page again
        assertThat(third.apiHref()).isEqualTo("/api/v1/papers?q=graph&cursor=c2");
        assertThat(third.with("tag", "nlp").href()).isEqualTo("/?q=graph&tag=nlp");
        SearchState far = first;
        for (int i = 1; i <= 30; i++) {
            far = far.next("c" + i);
        }
        assertThat(far.all(SearchState.PREV)).hasSize(SearchState.MAX_PREV).endsWith("c29");
    }

    @Test
    void aYearSpannedByFromAndToIsOneSelectedYear() {
        SearchState s = state(Map.of("from", List.of("2024-01-01"), "to", List.of("2024-12-31")));
        assertThat(WebPages.selected(s))
                .extracting(Views.Selected::label, Views.Selected::value, Views.Selected::removeHref)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Year", "2024", "/"));
        assertThat(WebPages.year(state(Map.of("from", List.of("2024-01-01"), "to", List.of("2024-06-30")))))
                .isNull();
    }

    @Test
    void eachSelectedFilterHasALinkThatRemovesItAlone() {
        SearchState s = state(Map.of(
                "q",
                List.of("graph"),
                "sort",
                List.of("oldest"),
                "linkKind",
                List.of("code"),
                "from",
                List.of("2024-01-01"),
                "cursor",
                List.of("abc")));
        assertThat(WebPages.selected(s))
                .extracting(Views.Selected::label, Views.Selected::value, Views.Selected::removeHref)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Search", "graph", "/?linkKind=code&from=2024-01-01"),
                        org.assertj.core.groups.Tuple.tuple("Link", "Code", "/?q=graph&from=2024-01-01&sort=oldest"),
                        org.assertj.core.groups.Tuple.tuple(
                                "From", "2024-01-01", "/?q=graph&linkKind=code&sort=oldest"));
    }

    @Test
    void theLiveStreamGetsTheFiltersOnly() {
        SearchState s = state(Map.of(
                "q",
                List.of("graph"),
                "linkKind",
                List.of("code"),
                "sort",
                List.of("newest"),
                "limit",
                List.of("5"),
                "cursor",
                List.of("abc")));
        assertThat(s.liveHref()).isEqualTo("/ui/live?q=graph&linkKind=code");
    }

    @Test
    void facetsOfTheApiAnswerBecomeGroupsWithSelectedValuesFirstEvenBeyondTheTopValues() throws Exception {
        JsonNode facets = PaperJson.mapper().readTree("""
                {"total": 7, "tags": [{"value": "nlp", "count": 5}], "linkKinds": [{"value": "project-page", "count": 2}],
                 "hosts": [], "years": [{"value": "2024", "count": 3}], "somethingNew": [{"value": "x", "count": 1}]}""");
        SearchState s =
                state(Map.of("tag", List.of("rare"), "from", List.of("2024-01-01"), "to", List.of("2024-12-31")));
        List<Views.FacetGroup> groups = WebPages.facetGroups(s, facets);
        assertThat(groups).extracting(Views.FacetGroup::name).containsExactly("tag", "linkKind", "year");
        Views.FacetGroup tags = groups.get(0);
        assertThat(tags.values()).extracting(Views.FacetValue::value).containsExactly("rare", "nlp");
        assertThat(tags.values().get(0).selected()).isTrue();
        assertThat(tags.values().get(0).count()).isEqualTo(7);
        assertThat(tags.values().get(0).href()).isEqualTo("/?from=2024-01-01&to=2024-12-31");
        assertThat(groups.get(1).values().get(0).label()).isEqualTo("Project page");
        Views.FacetValue year = groups.get(2).values().get(0);
        assertThat(year.selected()).isTrue();
        assertThat(year.href()).isEqualTo("/?tag=rare");
    }

    @Test
    void onlyWebAddressesBecomeLinksAndPaperPagesKeepTheIdReadable() {
        assertThat(new UiPaper.UiLink("javascript:alert(1)", null, "code", "x", null, null).linkable())
                .isFalse();
        assertThat(new UiPaper.UiLink("https://github.com/a/b", null, "code", "github.com", "a/b", null).linkable())
                .isTrue();
        UiPaper paper = new UiPaper(
                "doi:10.1000/xyz 1", "T", null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(paper.href()).isEqualTo("/paper/doi:10.1000/xyz%201");
        assertThat(paper.anchor()).isEqualTo("p-doi-10-1000-xyz-1");
    }

    @Test
    void idsAndCategoriesComeFromTheApiWhenItGivesThem() throws Exception {
        UiPaper withIds = UiPaper.of(PaperJson.mapper().readTree("""
                {"id": "arxiv:2401.00001", "title": "T", "arxivId": "2401.00001",
                 "ids": {"arxiv": "2401.00001", "doi": "10.1/x", "aliases": ["doi:10.1/x", "title:abc"]},
                 "categories": ["cs.CL"], "tags": [{"name": "cv", "arxivCategory": "cs.CV"}], "future": 1}"""));
        assertThat(withIds.doiUrl()).isEqualTo("https://doi.org/10.1/x");
        assertThat(withIds.arxivUrl()).isEqualTo("https://arxiv.org/abs/2401.00001");
        assertThat(withIds.aliases()).containsExactly("doi:10.1/x", "title:abc");
        assertThat(withIds.categoryList()).containsExactly("cs.CL");
        UiPaper older = UiPaper.of(PaperJson.mapper().readTree("""
                {"id": "title:1", "title": "T", "tags": [{"name": "cv", "arxivCategory": "cs.CV"}]}"""));
        assertThat(older.categoryList()).containsExactly("cs.CV");
        assertThat(older.arxivUrl()).isNull();
    }
}
