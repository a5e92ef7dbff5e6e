package io.paperstream.query;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.LinkKind;
import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The query API over a small known set of papers: search semantics, each filter, fields, facets, tags, code. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class PaperApiIT {
    static final String TAG = "api-it";
    static final String S1 = "arxiv:2601.10001";
    static final String S2 = "arxiv:2601.10002";
    static final String S3 = "arxiv:2601.10003";
    static final String S4 = "arxiv:2601.10004";
    static final String S5 = "arxiv:2601.10005";

    static Feed feed;

    /** Once per class; in @BeforeEach because REST Assured learns the test port only per test. */
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
                                S1,
                                "Sparse mixture of experts for translation",
                                "We study how routing decisions scale.",
                                LocalDate.of(2024, 5, 1),
                                List.of(TAG, "nlp-it"),
                                List.of(),
                                new io.paperstream.events.Link(
                                        "https://www.GitHub.com/Octo/Router/tree/main",
                                        "https://github.com/Octo/Router",
                                        LinkKind.CODE,
                                        "github.com",
                                        "Octo/Router",
                                        io.paperstream.events.Link.ORIGIN_TEXT)),
                        paper(
                                S2,
                                "Routing networks at scale",
                                "A sparse mixture of experts model improves translation quality.",
                                LocalDate.of(2024, 6, 1),
                                List.of(TAG, "nlp-it"),
                                List.of(),
                                Papers.link(LinkKind.MODEL, "huggingface.co", "octo/router-7b")),
                        paper(
                                S3,
                                "Dense transformers revisited",
                                "Mixture models of experts in computational biology.",
                                LocalDate.of(2024, 7, 1),
                                List.of(TAG, "bio-it"),
                                List.of(),
                                Papers.link(LinkKind.CODE, "gitlab.com", "lab/dense")),
                        paper(
                                S4,
                                "Efficient inference for large models",
                                "We speed up decoding.",
                                LocalDate.of(2024, 8, 1),
                                List.of(TAG),
                                List.of("mixture of experts", "speculative decoding"),
                                Papers.link(LinkKind.PROJECT_PAGE, "www.Efficient-Inference.github.io", null)),
                        // no publication date: sorted by its ingest day (today), never selected by from/to
                        paper(
                                S5,
                                "Graph learning without labels",
                                "Nothing here depends on experts.",
                                null,
                                List.of(TAG, "bio-it"),
                                List.of(),
                                Papers.link(LinkKind.CODE, "github.com", "octo/router"))));
    }

    @AfterAll
    static void close() {
        if (feed != null) {
            feed.close();
        }
    }

    private static EnrichedPaper paper(
            String id,
            String title,
            String abstractText,
            LocalDate published,
            List<String> tags,
            List<String> keyphrases,
            io.paperstream.events.Link link) {
        return Papers.paper(id, 1, title, abstractText, published, tags, List.of(link), keyphrases);
    }

    private static ValidatableResponse list(Map<String, ?> params) {
        return given().queryParams(params)
                .queryParam("tag", TAG)
                .when()
                .get("/api/v1/papers")
                .then()
                .statusCode(200);
    }

    @Test
    void wordsMustAllOccurAndTitleMatchesRankAboveKeyphrasesAboveAbstracts() {
        list(Map.of("q", "mixture experts"))
                .body("items.id", contains(S1, S4, S3, S2))
                .body("total", equalTo(4))
                .body("totalExact", equalTo(true));
    }

    @Test
    void aQuotedPhraseMustOccurAsAPhrase() {
        // S3 has "mixture models of experts": both words, not the phrase
        list(Map.of("q", "\"mixture of experts\"")).body("items.id", contains(S1, S4, S2));
    }

    @Test
    void aSearchOfStopWordsOnlyMatchesNothingWithoutError() {
        list(Map.of("q", "the of and")).body("items", empty()).body("total", equalTo(0));
        given().queryParam("q", "the of")
                .queryParam("tag", TAG)
                .when()
                .get("/api/v1/facets")
                .then()
                .statusCode(200)
                .body("total", equalTo(0))
                .body("countsExact", equalTo(true))
                .body("tags", empty());
        given().queryParam("q", "\"the of\"")
                .queryParam("tag", TAG)
                .when()
                .get("/api/v1/facets")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void orMatchesEitherWord() {
        list(Map.of("q", "routing OR biology")).body("items.id", contains(S2, S3, S1));
    }

    @Test
    void aMinusExcludesAWord() {
        // S5 has no publication date: it sorts by its ingest day, so it is the newest of its tier
        list(Map.of("q", "experts -translation")).body("items.id", contains(S4, S5, S3));
    }

    @Test
    void searchCanBeSortedByDateInstead() {
        list(Map.of("q", "mixture experts", "sort", "oldest")).body("items.id", contains(S1, S2, S3, S4));
    }

    @Test
    void repeatedTagsMustAllMatch() {
        list(Map.of("tag", "bio-it")).body("items.id", contains(S5, S3));
        list(Map.of("tag", "BIO-IT")).body("items.id", contains(S5, S3));
    }

    @Test
    void linkKindSelectsPapersWithSuchALink() {
        list(Map.of("linkKind", "code")).body("items.id", contains(S5, S3, S1));
        list(Map.of("linkKind", "model")).body("items.id", contains(S2));
        given().queryParam("tag", TAG)
                .queryParam("linkKind", "code")
                .queryParam("linkKind", "model")
                .when()
                .get("/api/v1/papers")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void hostIsComparedWithoutCaseAndWww() {
        list(Map.of("host", "GitHub.com")).body("items.id", contains(S5, S1));
        list(Map.of("host", "efficient-inference.github.io")).body("items.id", contains(S4));
        list(Map.of("host", "www.efficient-inference.github.io")).body("items.id", contains(S4));
    }

    @Test
    void subjectIsComparedWithoutCase() {
        list(Map.of("subject", "octo/router")).body("items.id", contains(S5, S1));
        list(Map.of("subject", "OCTO/Router-7B")).body("items.id", contains(S2));
    }

    @Test
    void fromAndToSelectByPublicationDate() {
        list(Map.of("from", "2024-06-01", "to", "2024-07-31")).body("items.id", contains(S3, S2));
        list(Map.of("from", "2024-07-01")).body("items.id", contains(S4, S3));
        list(Map.of("to", "2024-05-01")).body("items.id", contains(S1));
    }

    @Test
    void sortsNewestByDefaultOrOldest() {
        list(Map.of()).body("items.id", contains(S5, S4, S3, S2, S1));
        list(Map.of("sort", "oldest")).body("items.id", contains(S1, S2, S3, S4, S5));
    }

    @Test
    void fieldsChooseWhatComesBackAndIdAlwaysDoes() {
        list(Map.of("fields", "title,links", "limit", "1"))
                .body("items[0].keySet()", containsInAnyOrder("id", "title", "links"))
                .body("items[0].links[0].kind", equalTo("code"));
        list(Map.of("fields", "publishedOn", "sort", "oldest", "limit", "1"))
                .body("items[0]", equalTo(Map.of("id", S1, "publishedOn", "2024-05-01")));
    }

    @Test
    void totalIsGivenOnTheFirstPageAndOnRequestWithACursor() {
        String cursor = list(Map.of("limit", "2"))
                .body("total", equalTo(5))
                .body("totalExact", equalTo(true))
                .extract()
                .path("nextCursor");
        list(Map.of("limit", "2", "cursor", cursor)).body("total", nullValue()).body("items.id", contains(S3, S2));
        list(Map.of("limit", "2", "cursor", cursor, "total", "true")).body("total", equalTo(5));
        list(Map.of("total", "false")).body("total", nullValue());
    }

    @Test
    void linksKeepTheUrlAsWrittenAndTheCanonicalUrl() {
        when().get("/api/v1/papers/{id}", S1)
                .then()
                .statusCode(200)
                .body("links[0].url", equalTo("https://www.GitHub.com/Octo/Router/tree/main"))
                .body("links[0].canonicalUrl", equalTo("https://github.com/Octo/Router"))
                .body("links[0].host", equalTo("github.com"));
        // a link written in its canonical form
        when().get("/api/v1/papers/{id}", S3)
                .then()
                .statusCode(200)
                .body("links[0].canonicalUrl", equalTo("https://gitlab.com/lab/dense"));
        list(Map.of("host", "github.com")).body("items.id", contains(S5, S1));
        list(Map.of("subject", "octo/router")).body("items.id", contains(S5, S1));
    }

    @Test
    void onePaperById() {
        when().get("/api/v1/papers/{id}", S4)
                .then()
                .statusCode(200)
                .body("title", equalTo("Efficient inference for large models"))
                .body("publishedOn", equalTo("2024-08-01"))
                .body("keyphrases", contains("mixture of experts", "speculative decoding"))
                .body("tags[0].name", equalTo(TAG))
                .body("links[0].kind", equalTo("project-page"));
    }

    @Test
    void facetsCountTheSelectedPapersByTagLinkKindAndHost() {
        given().queryParam("tag", TAG)
                .when()
                .get("/api/v1/facets")
                .then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("totalExact", equalTo(true))
                .body("countsExact", equalTo(true))
                .body("sample", nullValue())
                .body("tags.value", contains(TAG, "bio-it", "nlp-it"))
                .body("tags.count", contains(5, 2, 2))
                .body("linkKinds.value", contains("code", "model", "project-page"))
                .body("linkKinds.count", contains(3, 1, 1))
                .body(
                        "hosts.value",
                        contains("github.com", "efficient-inference.github.io", "gitlab.com", "huggingface.co"))
                .body("hosts.count", contains(2, 1, 1, 1));
        given().queryParam("tag", TAG)
                .queryParam("q", "experts")
                .queryParam("linkKind", "code")
                .when()
                .get("/api/v1/facets")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("totalExact", equalTo(true))
                .body("countsExact", equalTo(true))
                .body("sample", nullValue())
                .body("tags.value", contains(TAG, "bio-it", "nlp-it"))
                .body("tags.count", contains(3, 2, 1))
                .body("hosts.value", contains("github.com", "gitlab.com"));
        given().queryParam("tag", TAG)
                .queryParam("limit", 1)
                .when()
                .get("/api/v1/facets")
                .then()
                .statusCode(200)
                .body("hosts.value", contains("github.com"));
    }

    @Test
    void everyTagWithItsPaperCount() {
        when().get("/api/v1/tags")
                .then()
                .statusCode(200)
                .body("tags", hasItem(Map.of("value", TAG, "count", 5)))
                .body("tags", hasItem(Map.of("value", "bio-it", "count", 2)))
                .body("tags", hasItem(Map.of("value", "nlp-it", "count", 2)));
    }

    @Test
    void theCodeEndpointListsThePapersThatLinkARepository() {
        when().get("/api/v1/code/{owner}/{repo}", "octo", "router")
                .then()
                .statusCode(200)
                .body("items.id", contains(S5, S1))
                .body("total", equalTo(2));
        when().get("/api/v1/code/{owner}/{repo}", "OCTO", "Router")
                .then()
                .statusCode(200)
                .body("items.id", contains(S5, S1));
        when().get("/api/v1/code/{owner}/{repo}", "lab", "dense")
                .then()
                .statusCode(200)
                .body("items.id", contains(S3));
        // a model with that name is not code
        when().get("/api/v1/code/{owner}/{repo}", "octo", "router-7b")
                .then()
                .statusCode(200)
                .body("items", empty());
        given().queryParam("fields", "title")
                .when()
                .get("/api/v1/code/{owner}/{repo}", "octo", "router")
                .then()
                .statusCode(200)
                .body("items[0].keySet()", containsInAnyOrder("id", "title"));
    }
}
