package io.paperstream.query.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FacetSampleTest {
    @Test
    void phraseOperatorsBecomeAndOutsideLexemesOnly() {
        // as PostgreSQL prints websearch_to_tsquery('english', '"show successful" -foo state-of-the-art or covid-19')
        String tsquery = "'show' <-> 'success' & !'foo' & 'state-of-the-art' <-> 'state' <3> 'art' | 'covid' <-> '-19'";
        assertThat(FacetSample.hasPhrase(tsquery)).isTrue();
        assertThat(FacetSample.relaxed(tsquery))
                .isEqualTo("'show' & 'success' & !'foo' & 'state-of-the-art' & 'state' & 'art' | 'covid' & '-19'");
        // operators inside a lexeme, and a quote written twice inside one, are text
        String odd = "'a<->b' & 'it''s<2>' <-> 'c'";
        assertThat(FacetSample.relaxed(odd)).isEqualTo("'a<->b' & 'it''s<2>' & 'c'");
        assertThat(FacetSample.hasPhrase("'a<->b' & 'c'")).isFalse();
        assertThat(FacetSample.hasPhrase("'learn' & 'represent'")).isFalse();
        assertThat(FacetSample.hasPhrase("")).isFalse();
    }

    @Test
    void theTallyCountsEachFacetsValuesAndScalesThem() {
        String keys = "\u001etvision\u001etnlp\u001ekcode\u001ehgithub.com" + "\u001etvision\u001ekcode\u001ekmodel"
                + "\u001ehgithub.com\u001ehhuggingface.co" + "\u001etaudio";
        Map<String, List<PaperQueries.Count>> top = FacetTally.of(keys).top(2, 1);
        assertThat(top.get("tag"))
                .containsExactly(new PaperQueries.Count("vision", 2), new PaperQueries.Count("audio", 1));
        assertThat(top.get("linkKind"))
                .containsExactly(new PaperQueries.Count("code", 2), new PaperQueries.Count("model", 1));
        assertThat(top.get("host"))
                .containsExactly(new PaperQueries.Count("github.com", 2), new PaperQueries.Count("huggingface.co", 1));
        assertThat(FacetTally.of(keys).top(1, 2.5).get("tag")).containsExactly(new PaperQueries.Count("vision", 5));
        // categories by count, years newest first (V7)
        Map<String, List<PaperQueries.Count>> more = FacetTally.of(
                        "\u001eccs.CL\u001ey2023\u001eccs.CL\u001eccs.CV" + "\u001ey2024\u001ey2023")
                .top(5, 1);
        assertThat(more.get("category"))
                .containsExactly(new PaperQueries.Count("cs.CL", 2), new PaperQueries.Count("cs.CV", 1));
        assertThat(more.get("year"))
                .containsExactly(new PaperQueries.Count("2024", 1), new PaperQueries.Count("2023", 2));
        assertThat(FacetTally.of("").top(5, 1))
                .containsOnlyKeys("tag", "linkKind", "host", "category", "year")
                .allSatisfy((facet, counts) -> assertThat(counts).isEmpty());
        // a value may hold any other character, an empty one is still a value
        assertThat(FacetTally.of("\u001eha b:c\u001eh").top(5, 1).get("host"))
                .containsExactly(new PaperQueries.Count("", 1), new PaperQueries.Count("a b:c", 1));
        assertThatThrownBy(() -> FacetTally.of("\u001exoops")).isInstanceOf(IllegalStateException.class);
    }
}
