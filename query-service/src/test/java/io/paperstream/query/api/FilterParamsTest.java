package io.paperstream.query.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.query.domain.BadParameterException;
import io.paperstream.query.domain.PaperFilter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterParamsTest {
    @Test
    void takesTheFiltersByTheirQueryNamesAndValidatesThemAsTheApiDoes() {
        PaperFilter f = FilterParams.of(Map.of(
                        "q", List.of(" graph ", "ignored"),
                        "tag", List.of("Computer-Vision"),
                        "linkKind", List.of("code"),
                        "host", List.of("www.GitHub.com"),
                        "subject", List.of("Owner/Repo"),
                        "from", List.of("2024-01-01"),
                        "to", List.of("2024-12-31"),
                        "category", List.of("cs.CL"),
                        "author", List.of("Ada Lovelace"),
                        "sort", List.of("newest")))
                .filter();
        assertThat(f)
                .isEqualTo(QueryParams.filter(
                        "graph",
                        List.of("computer-vision"),
                        List.of("code"),
                        List.of("github.com"),
                        List.of("owner/repo"),
                        "2024-01-01",
                        "2024-12-31",
                        List.of("cs.CL"),
                        List.of("Ada Lovelace")));
        assertThat(f.q()).isEqualTo("graph");
        assertThat(f.from()).isEqualTo(LocalDate.of(2024, 1, 1));
    }

    @Test
    void withoutFiltersItSelectsEveryPaper() {
        assertThat(FilterParams.of(Map.of()).filter()).isEqualTo(PaperFilter.none());
        assertThat(FilterParams.of(Map.of("limit", List.of("5"))).filter().isEmpty())
                .isTrue();
    }

    @Test
    void aRefusalNamesItsParameter() {
        assertThatThrownBy(() ->
                        FilterParams.of(Map.of("from", List.of("yesterday"))).filter())
                .isInstanceOfSatisfying(
                        BadParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("from"));
        assertThatThrownBy(() ->
                        FilterParams.of(Map.of("linkKind", List.of("video"))).filter())
                .isInstanceOfSatisfying(
                        BadParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("linkKind"));
    }
}
