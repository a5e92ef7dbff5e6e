package io.paperstream.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schemas accept what the records really serialize to, and refuse what a consumer could not use. */
class PaperSchemasTest {

    static RawPaper raw() {
        return new RawPaper(
                "arxiv:2409.04828",
                1_726_000_000_000_000L,
                "POINTS: Improving Your Vision-language Model",
                "In recent years, vision-language models have made significant strides.",
                List.of("Ada Lovelace"),
                "2409.04828v2",
                null,
                LocalDate.of(2024, 9, 7),
                Instant.parse("2024-09-08T10:00:00Z"),
                List.of("cs.CV"),
                "10 pages",
                List.of(new RawPaper.SourceLink("https://github.com/x/y", "github")),
                List.of("vlm"),
                new RawPaper.Source("atom", "arxiv"),
                Instant.parse("2024-09-09T00:00:00Z"));
    }

    static EnrichedPaper enriched() {
        return new EnrichedPaper(
                "arxiv:2409.04828",
                1_726_000_000_000_000L,
                raw(),
                List.of(new Tag("computer-vision", 0.8, "cs.CV", List.of("vision"), Tag.ORIGIN_TAXONOMY)),
                List.of(new Link(
                        "https://github.com/x/y/tree/main",
                        "https://github.com/x/y",
                        LinkKind.CODE,
                        "github.com",
                        "x/y",
                        Link.ORIGIN_SOURCE)),
                List.of("vision-language models"),
                new EnrichedPaper.Enrichment("1.0.0", "2026.1", Instant.parse("2024-09-09T00:00:01Z")));
    }

    @Test
    void serializedRawPaperIsValid() {
        JsonNode json = PaperJson.mapper().valueToTree(raw());
        assertThat(PaperSchemas.validateRaw(json)).isEmpty();
        assertThat(json.get("abstract").asText()).startsWith("In recent years");
        assertThat(json.get("publishedOn").asText()).isEqualTo("2024-09-07");
    }

    @Test
    void minimalRawPaperIsValid() {
        RawPaper minimal = RawPaper.builder()
                .id("title:0123456789abcdef")
                .revision(1)
                .title("T")
                .abstractText("A")
                .build();
        assertThat(PaperSchemas.validateRaw(PaperJson.mapper().valueToTree(minimal)))
                .isEmpty();
    }

    @Test
    void theBuilderSetsEveryFieldAndToBuilderRoundTrips() {
        RawPaper full = raw();
        assertThat(full.toBuilder().build()).isEqualTo(full);
        assertThat(full.toBuilder().license("x").aliases(List.of("doi:10.1/a")).build())
                .extracting(RawPaper::license, RawPaper::aliases, RawPaper::title)
                .containsExactly("x", List.of("doi:10.1/a"), full.title());
    }

    @Test
    void serializedEnrichedPaperIsValidAndRoundTrips() throws Exception {
        JsonNode json = PaperJson.mapper().valueToTree(enriched());
        assertThat(PaperSchemas.validateEnriched(json)).isEmpty();
        assertThat(json.at("/links/0/kind").asText()).isEqualTo("code");
        EnrichedPaper back = PaperJson.mapper().treeToValue(json, EnrichedPaper.class);
        assertThat(back).isEqualTo(enriched());
    }

    @Test
    void aLinkWithoutCanonicalUrlAsWrittenBeforeItExistedIsValidAndReadsAsItsUrl() throws Exception {
        ObjectNode json = PaperJson.mapper().valueToTree(enriched());
        ((ObjectNode) json.at("/links/0")).remove("canonicalUrl");
        assertThat(PaperSchemas.validateEnriched(json)).isEmpty();
        Link link = PaperJson.mapper()
                .treeToValue(json, EnrichedPaper.class)
                .links()
                .get(0);
        assertThat(link.canonicalUrl()).isNull();
        assertThat(link.canonicalOrUrl()).isEqualTo("https://github.com/x/y/tree/main");
        assertThat(json.at("/links/0").has("canonicalOrUrl")).isFalse();
    }

    @Test
    void rawPaperWithoutAbstractOrWithBadIdIsInvalid() {
        ObjectNode json = PaperJson.mapper().valueToTree(raw());
        json.remove("abstract");
        json.put("id", "uuid:123");
        assertThat(PaperSchemas.validateRaw(json)).hasSize(2);
    }

    @Test
    void enrichedPaperWithUnknownLinkKindOrBrokenNestedPaperIsInvalid() {
        ObjectNode json = PaperJson.mapper().valueToTree(enriched());
        ((ObjectNode) json.at("/links/0")).put("kind", "repository");
        ((ObjectNode) json.get("paper")).remove("title");
        assertThat(PaperSchemas.validateEnriched(json)).hasSize(2);
    }

    @Test
    void readersIgnoreFieldsAddedLaterInV1() throws Exception {
        ObjectNode json = PaperJson.mapper().valueToTree(raw());
        json.put("addedInV1_3", "x");
        assertThat(PaperJson.mapper().treeToValue(json, RawPaper.class)).isEqualTo(raw());
    }
}
