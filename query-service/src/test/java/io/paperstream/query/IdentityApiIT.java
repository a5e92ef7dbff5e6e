package io.paperstream.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.RawPaper;
import io.paperstream.events.Tag;
import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lookups by any id form and alias, the batch lookup, every paper's ids, and the category and author filters. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class IdentityApiIT {
    static final String TAG = "identity-it";
    static final String TITLE_ALIAS = "title:0123456789abcdef";
    static Feed feed;

    static EnrichedPaper paper(
            String id,
            String arxivId,
            String doi,
            List<String> aliases,
            List<String> categories,
            List<String> authors,
            String title) {
        RawPaper raw = new RawPaper(
                id,
                5,
                title,
                "Abstract of " + title + ".",
                authors,
                arxivId,
                doi,
                LocalDate.of(2024, 9, 7),
                null,
                categories,
                null,
                List.of(),
                List.of(),
                new RawPaper.Source("arxiv-oai", null),
                Instant.now(),
                "http://creativecommons.org/licenses/by/4.0/",
                aliases,
                List.of(new RawPaper.Source("arxiv-oai", null), new RawPaper.Source("digest", null)));
        return new EnrichedPaper(
                id,
                5,
                raw,
                List.of(new Tag(TAG, 0.9, null, List.of(TAG), Tag.ORIGIN_TAXONOMY)),
                List.of(),
                List.of(),
                new EnrichedPaper.Enrichment("test", "t1", Instant.now()));
    }

    @BeforeEach
    void seed() {
        if (feed != null) {
            return;
        }
        feed = new Feed();
        feed.sendAndAwait(
                TAG,
                List.of(
                        paper(
                                "arxiv:2409.04828",
                                "2409.04828v2",
                                "10.1145/ABC.123",
                                List.of("doi:10.1145/abc.123", TITLE_ALIAS),
                                List.of("cs.CV", "cs.CL"),
                                List.of("José Ñúñez-García", "Ada Lovelace"),
                                "POINTS identity"),
                        paper(
                                "arxiv:hep-th/9901001",
                                "hep-th/9901001v3",
                                null,
                                List.of(),
                                List.of("hep-th"),
                                List.of("Old Style"),
                                "Strings identity"),
                        paper(
                                "doi:10.1000/only",
                                null,
                                "10.1000/ONLY",
                                List.of(),
                                List.of("cs.CL"),
                                List.of("Ada Byron"),
                                "DOI only identity")));
    }

    @AfterAll
    static void close() {
        if (feed != null) {
            feed.close();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "arxiv:2409.04828",
                "arXiv:2409.04828v3",
                "ARXIV:2409.04828",
                "2409.04828",
                "2409.04828v2",
                "doi:10.1145/abc.123",
                "DOI:10.1145/ABC.123",
                "https://doi.org/10.1145/abc.123",
                "10.1145/abc.123",
                "10.48550/arXiv.2409.04828",
                "https://arxiv.org/abs/2409.04828v2",
                TITLE_ALIAS,
                "title:0123456789ABCDEF"
            })
    void everyFormFindsTheCanonicalPaper(String form) {
        given().urlEncodingEnabled(false)
                .get("/api/v1/papers/" + form)
                .then()
                .statusCode(200)
                .body("id", equalTo("arxiv:2409.04828"))
                .body("ids.arxiv", equalTo("2409.04828"))
                .body("ids.doi", equalTo("10.1145/abc.123"))
                .body("ids.aliases", contains("doi:10.1145/abc.123", TITLE_ALIAS))
                .body("categories", contains("cs.CV", "cs.CL"))
                .body("license", equalTo("http://creativecommons.org/licenses/by/4.0/"))
                .body("sources.format", contains("arxiv-oai", "digest"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hep-th/9901001", "arxiv:hep-th/9901001v3", "arXiv:HEP-TH/9901001"})
    void oldStyleIds(String form) {
        given().urlEncodingEnabled(false)
                .get("/api/v1/papers/" + form)
                .then()
                .statusCode(200)
                .body("id", equalTo("arxiv:hep-th/9901001"));
    }

    @Test
    void unknownIsA404AndMalformedA400NamingTheParameter() {
        given().get("/api/v1/papers/arxiv:2501.99999")
                .then()
                .statusCode(404)
                .contentType(containsString("problem+json"));
        given().get("/api/v1/papers/not-an-id")
                .then()
                .statusCode(400)
                .contentType(containsString("problem+json"))
                .body(containsString("id"));
    }

    @Test
    void batchAnswersInOrderWithNullForUnknown() {
        given().contentType("application/json")
                .body(Map.of("ids", List.of("2409.04828", "arxiv:2501.99999", "doi:10.1000/only", TITLE_ALIAS)))
                .post("/api/v1/papers/batch")
                .then()
                .statusCode(200)
                .body("$", hasSize(4))
                .body("[0].id", equalTo("arxiv:2409.04828"))
                .body("[1]", nullValue())
                .body("[2].id", equalTo("doi:10.1000/only"))
                .body("[3].id", equalTo("arxiv:2409.04828"));
    }

    @Test
    void batchRefusesBadBodies() {
        given().contentType("application/json")
                .body(Map.of("ids", "2409.04828"))
                .post("/api/v1/papers/batch")
                .then()
                .statusCode(400)
                .body(containsString("ids"));
        given().contentType("application/json")
                .body(Map.of("ids", List.of("2409.04828", "nonsense")))
                .post("/api/v1/papers/batch")
                .then()
                .statusCode(400)
                .body(containsString("ids[1]"));
        given().contentType("application/json")
                .body(Map.of("ids", java.util.Collections.nCopies(501, "2409.04828")))
                .post("/api/v1/papers/batch")
                .then()
                .statusCode(400)
                .body(containsString("500"));
    }

    @Test
    void categoryAndAuthorFilters() {
        given().queryParam("tag", TAG)
                .queryParam("category", "cs.CL")
                .queryParam("sort", "newest")
                .get("/api/v1/papers")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.containsInAnyOrder("arxiv:2409.04828", "doi:10.1000/only"));
        given().queryParam("tag", TAG)
                .queryParam("category", "cs.CL")
                .queryParam("category", "cs.CV")
                .get("/api/v1/papers")
                .then()
                .statusCode(200)
                .body("items.id", contains("arxiv:2409.04828"));
        // case- and accent-insensitive, any word of a name
        given().queryParam("tag", TAG)
                .queryParam("author", "nunez")
                .get("/api/v1/papers")
                .then()
                .statusCode(200)
                .body("items.id", contains("arxiv:2409.04828"));
        given().queryParam("tag", TAG)
                .queryParam("author", "ÑÚÑEZ garcía")
                .get("/api/v1/papers")
                .then()
                .statusCode(200)
                .body("items.id", contains("arxiv:2409.04828"));
        given().queryParam("tag", TAG)
                .queryParam("author", "ada")
                .get("/api/v1/papers")
                .then()
                .statusCode(200)
                .body("items", hasSize(2));
        given().queryParam("tag", TAG)
                .queryParam("author", "ada byron")
                .get("/api/v1/papers")
                .then()
                .statusCode(200)
                .body("items.id", contains("doi:10.1000/only"));
        given().queryParam("category", "cs CL!")
                .get("/api/v1/papers")
                .then()
                .statusCode(400)
                .body(containsString("category"));
        given().queryParam("author", "--")
                .get("/api/v1/papers")
                .then()
                .statusCode(400)
                .body(containsString("author"));
        given().queryParam("tag", TAG)
                .queryParam("category", "hep-th")
                .get("/api/v1/facets")
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
    }
}
