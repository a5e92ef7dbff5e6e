package io.paperstream.query.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.LinkKind;
import io.paperstream.events.PaperJson;
import io.paperstream.query.Papers;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperWriterTest {
    @Test
    void eachRowCarriesTheRecordAsConsumedAndTheNormalisedFilterValues() throws Exception {
        EnrichedPaper paper = Papers.paper(
                "arxiv:2401.00001",
                3,
                "T",
                "A",
                LocalDate.of(2024, 1, 2),
                List.of("Vision", "vision"),
                List.of(
                        Papers.link(LinkKind.CODE, "WWW.GitHub.com", "Octo/Repo"),
                        Papers.link(LinkKind.PROJECT_PAGE, "octo.github.io", null)));
        String json = Papers.json(paper);
        JsonNode rows = PaperJson.mapper().readTree(PaperWriter.rowsJson(List.of(new PaperUpsert(paper, json, 0, 7))));
        JsonNode row = rows.get(0);
        assertThat(row.get("e")).isEqualTo(PaperJson.mapper().readTree(json));
        assertThat(row.get("tn").toString()).isEqualTo("[\"vision\"]");
        assertThat(row.get("lk").toString()).isEqualTo("[\"code\",\"project-page\"]");
        assertThat(row.get("lh").toString()).isEqualTo("[\"github.com\",\"octo.github.io\"]");
        assertThat(row.get("ls").toString()).isEqualTo("[\"octo/repo\"]");
    }

    @Test
    void textArrayLiteralsQuoteAndEscapeEverything() {
        assertThat(PaperWriter.pgTextArray(List.of("a", "b,c", "d\"e", "f\\g", "{h}")))
                .isEqualTo("{\"a\",\"b,c\",\"d\\\"e\",\"f\\\\g\",\"{h}\"}");
        assertThat(PaperWriter.pgTextArray(List.of())).isEqualTo("{}");
    }
}
