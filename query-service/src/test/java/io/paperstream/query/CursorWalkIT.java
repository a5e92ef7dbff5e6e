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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A full cursor walk while papers are being inserted (newer, older and on the very dates of the walk) never repeats a
 * paper and never skips one that existed at the first page; for newest, oldest and relevance order.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class CursorWalkIT {
    private static final String TAG = "walk-it";
    private static final LocalDate[] DATES = {
        LocalDate.of(2023, 3, 1),
        LocalDate.of(2023, 6, 1),
        LocalDate.of(2023, 9, 1),
        LocalDate.of(2024, 1, 1),
        LocalDate.of(2024, 6, 1)
    };
    private static final Set<String> stored = new HashSet<>();
    private static int next = 1;

    /** A paper whose text puts "lantern" in the title, the keyphrases or the abstract, by turns: all three tiers. */
    private static EnrichedPaper paper(LocalDate date) {
        int n = next++;
        String id = String.format(Locale.ROOT, "arxiv:2602.%05d", n);
        String title = n % 3 == 0 ? "Lantern study " + n : "Study " + n;
        String abstractText = n % 3 == 2 ? "A lantern in the abstract." : "Plain words.";
        List<String> keyphrases = n % 3 == 1 ? List.of("lantern light") : List.of();
        return Papers.paper(id, 1, title, abstractText, date, List.of(TAG), List.of(), keyphrases);
    }

    private static void storeMore(Feed feed, List<EnrichedPaper> papers) {
        papers.forEach(p -> stored.add(p.id()));
        feed.send(papers);
        Feed.awaitTagged(TAG, stored.size());
    }

    @ParameterizedTest(name = "sort={0}")
    @CsvSource({"newest", "oldest", "relevance"})
    void aWalkWhilePapersAreInsertedNeitherRepeatsNorSkips(String sort) {
        try (Feed feed = new Feed()) {
            if (stored.isEmpty()) {
                List<EnrichedPaper> initial = new ArrayList<>();
                for (int i = 0; i < 36; i++) {
                    initial.add(paper(DATES[i % DATES.length]));
                }
                storeMore(feed, initial);
            }
            Set<String> existing = Set.copyOf(stored);
            Set<String> seen = new LinkedHashSet<>();
            List<String> order = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                var request = given().queryParam("tag", TAG)
                        .queryParam("sort", sort)
                        .queryParam("limit", 8)
                        .queryParam("fields", "id");
                if (sort.equals("relevance")) {
                    request.queryParam("q", "lantern");
                }
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.when()
                        .get("/api/v1/papers")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                for (String id : page.getList("items.id", String.class)) {
                    assertThat(seen.add(id))
                            .as("%s repeated on page %d", id, pages)
                            .isTrue();
                    order.add(id);
                }
                cursor = page.getString("nextCursor");
                // between pages: one paper newer than all, one older than all, one on a date the walk is crossing
                storeMore(
                        feed,
                        List.of(
                                paper(LocalDate.of(2025, 1, 1)),
                                paper(LocalDate.of(2022, 1, 1)),
                                paper(DATES[pages % DATES.length])));
                pages++;
            } while (cursor != null && pages < 100);
            // every paper mentions the lantern (title, keyphrases or abstract), so relevance walks them all too
            assertThat(seen).as("every paper that existed at the first page").containsAll(existing);
            assertThat(pages).isGreaterThan(3);
        }
    }

    @org.junit.jupiter.api.Test
    void totalsBeyondTheCountLimitAreEstimatesAndOneTagIsAlwaysExact() {
        try (Feed feed = new Feed()) {
            if (stored.size() < 20) {
                List<EnrichedPaper> more = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    more.add(paper(DATES[i % DATES.length]));
                }
                storeMore(feed, more);
            }
        }
        // %test.paperstream.query.total-limit=10
        JsonPath counted = given().queryParam("tag", TAG)
                .queryParam("q", "lantern")
                .when()
                .get("/api/v1/papers")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(counted.getBoolean("totalExact")).isFalse();
        assertThat(counted.getLong("total")).isGreaterThan(10);
        JsonPath oneTag = given().queryParam("tag", TAG)
                .when()
                .get("/api/v1/papers")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(oneTag.getBoolean("totalExact")).isTrue();
        assertThat(oneTag.getLong("total")).isEqualTo(stored.size());
        // the same search with a page that holds the whole result: its length is the exact total, beyond the limit too
        JsonPath whole = given().queryParam("tag", TAG)
                .queryParam("q", "lantern")
                .queryParam("limit", 200)
                .when()
                .get("/api/v1/papers")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(whole.getString("nextCursor")).isNull();
        assertThat(whole.getBoolean("totalExact")).isTrue();
        assertThat(whole.getLong("total"))
                .isGreaterThan(10)
                .isEqualTo(whole.getList("items").size());
    }
}
