package io.paperstream.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.events.EnrichedPaper;
import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The category and year facets of /facets (V7) against the list's answers for the same filters, and the list's
 * snippets, through the real sink and PostgreSQL.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class CategoryYearFacetsIT {
    static final String TAG = "cy-it";
    static Feed feed;

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
                                "arxiv:2601.20001",
                                "Diffusion models for proteins",
                                LocalDate.of(1981, 3, 1),
                                "cyq.BM",
                                "cyq.LG"),
                        paper("arxiv:2601.20002", "Diffusion of ideas", LocalDate.of(1982, 5, 2), "cyq.LG"),
                        paper("arxiv:2601.20003", "Protein folding", LocalDate.of(1982, 12, 31), "cyq.BM"),
                        paper("arxiv:2601.20004", "Undated diffusion", null, "cyq.LG")));
    }

    @AfterAll
    static void close() {
        if (feed != null) {
            feed.close();
        }
    }

    private static EnrichedPaper paper(String id, String title, LocalDate published, String... categories) {
        String abstractText = "We model how " + title.toLowerCase() + " behaves. ".repeat(3)
                + "Padding words to make the abstract long enough to be cut somewhere. ".repeat(5)
                + "Diffusing late in the text.";
        return Papers.paper(
                id, 1, title, abstractText, published, List.of(TAG), List.of(), List.of(), List.of(categories));
    }

    private static JsonPath get(String path, Object... params) {
        var request = given().queryParam("tag", TAG);
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam((String) params[i], params[i + 1]);
        }
        return request.get(path).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Integer> counts(JsonPath facets, String name) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (Map<String, Object> c : facets.<Map<String, Object>>getList(name)) {
            out.put((String) c.get("value"), ((Number) c.get("count")).intValue());
        }
        return out;
    }

    @Test
    void categoriesAndYearsAreCountedAndYearsListedNewestFirst() {
        JsonPath facets = get("/api/v1/facets");
        assertThat(counts(facets, "categories")).containsExactly(Map.entry("cyq.LG", 3), Map.entry("cyq.BM", 2));
        // newest first; the undated paper has no year
        assertThat(counts(facets, "years")).containsExactly(Map.entry("1982", 2), Map.entry("1981", 1));
        assertThat(facets.getInt("total")).isEqualTo(4);
    }

    @Test
    void aCategoryOrAYearNarrowsToWhatTheListSelects() {
        for (Object[] filter : List.<Object[]>of(
                new Object[] {"category", "cyq.BM"},
                new Object[] {"category", "cyq.LG"},
                new Object[] {"from", "1982-01-01", "to", "1982-12-31"},
                new Object[] {"from", "1981-01-01", "to", "1981-12-31"})) {
            JsonPath list = get("/api/v1/papers", filter);
            JsonPath facets = get("/api/v1/facets", filter);
            assertThat(facets.getInt("total"))
                    .as(List.of(filter).toString())
                    .isEqualTo(list.getList("items").size())
                    .isEqualTo(list.getInt("total"));
            assertThat(facets.getBoolean("countsExact")).isTrue();
        }
        // the year alone (no tag): from the counters, exact, equal to the list's count of the year
        JsonPath year = given().queryParam("from", "1982-01-01")
                .queryParam("to", "1982-12-31")
                .get("/api/v1/facets")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(counts(year, "years")).containsExactly(Map.entry("1982", 2));
        assertThat(year.getInt("total")).isEqualTo(2);
        JsonPath category = given().queryParam("category", "cyq.BM")
                .get("/api/v1/facets")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(category.getInt("total")).isEqualTo(2);
        assertThat(counts(category, "categories")).containsExactly(Map.entry("cyq.BM", 2), Map.entry("cyq.LG", 1));
        assertThat(counts(category, "years")).containsExactly(Map.entry("1982", 1), Map.entry("1981", 1));
        assertThat(given().queryParam("category", "cyq.BM")
                        .get("/api/v1/papers")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getInt("total"))
                .isEqualTo(2);
    }

    @Test
    void listItemsCarryASnippetWithTheMatchingWordsMarked() {
        JsonPath list = get("/api/v1/papers", "q", "diffusion");
        List<Map<String, Object>> items = list.getList("items");
        assertThat(items).hasSize(4);
        for (int i = 0; i < items.size(); i++) {
            String text = list.getString("items[" + i + "].snippet.text");
            List<List<Integer>> matches = list.getList("items[" + i + "].snippet.matches");
            assertThat(text.length()).isLessThanOrEqualTo(250);
            assertThat(matches)
                    .isNotEmpty()
                    .allSatisfy(
                            m -> assertThat(text.substring(m.get(0), m.get(1))).startsWithIgnoringCase("diffus"));
        }
        // without a search: the abstract's start, nothing marked; fields=snippet asks for it alone
        JsonPath plain = get("/api/v1/papers", "fields", "title,snippet");
        assertThat(plain.getString("items[0].snippet.text"))
                .startsWith("We model how")
                .endsWith("…");
        assertThat(plain.getList("items[0].snippet.matches")).isEmpty();
        assertThat(plain.getMap("items[0]")).containsOnlyKeys("id", "title", "snippet");
        assertThat(get("/api/v1/papers", "fields", "title").getMap("items[0]")).containsOnlyKeys("id", "title");
    }
}
