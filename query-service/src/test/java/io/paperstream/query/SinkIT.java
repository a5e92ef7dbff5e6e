package io.paperstream.query;

import static io.paperstream.testsupport.DeadLetterAssert.assertThatDeadLetter;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.Topics;
import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.PostgresResource;
import io.paperstream.testsupport.TestKafka;
import io.paperstream.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** papers.enriched → PostgreSQL → HTTP, on a real broker and a real database. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class SinkIT {
    static void send(String key, String value) {
        TestKafka.send(Topics.ENRICHED, key, value);
    }

    static void send(EnrichedPaper paper) {
        send(paper.id(), Papers.json(paper));
    }

    static void awaitTitle(String id, String title) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> when().get("/api/v1/papers/{id}", id)
                        .then()
                        .statusCode(200)
                        .body("title", equalTo(title)));
    }

    @Test
    void storesAPaperAndServesIt() {
        send(Papers.paper(
                "arxiv:2501.00001",
                1,
                "Stored paper",
                "About storing.",
                LocalDate.of(2025, 1, 2),
                List.of("databases"),
                List.of(Papers.code("octo", "store"))));
        awaitTitle("arxiv:2501.00001", "Stored paper");
        when().get("/api/v1/papers/{id}", "arxiv:2501.00001")
                .then()
                .body("abstract", equalTo("About storing."))
                .body("publishedOn", equalTo("2025-01-02"))
                .body("tags[0].name", equalTo("databases"))
                .body("links[0].kind", equalTo("code"))
                .body("links[0].subject", equalTo("octo/store"))
                .body("links[0].host", equalTo("github.com"));
    }

    @Test
    void duplicatesLeaveOneRowAndOlderRevisionsNeverOverwriteNewerOnes() {
        String id = "arxiv:2501.00002";
        send(Papers.paper(id, 5, "Revision five", "a", LocalDate.of(2025, 1, 3), List.of("dedupe-test"), List.of()));
        send(Papers.paper(id, 5, "Revision five", "a", LocalDate.of(2025, 1, 3), List.of("dedupe-test"), List.of()));
        awaitTitle(id, "Revision five");
        send(Papers.paper(
                id, 3, "Revision three (late)", "a", LocalDate.of(2025, 1, 3), List.of("dedupe-test"), List.of()));
        send(Papers.paper(id, 7, "Revision seven", "a", LocalDate.of(2025, 1, 3), List.of("dedupe-test"), List.of()));
        awaitTitle(id, "Revision seven");
        given().queryParam("tag", "dedupe-test")
                .when()
                .get("/api/v1/papers")
                .then()
                .body("items.size()", equalTo(1))
                .body("total", equalTo(1))
                .body("items[0].revision", equalTo(7));
    }

    @Test
    void aTombstoneDeletesThePaper() {
        String id = "arxiv:2501.00003";
        send(Papers.paper(id, 1, "To be deleted", "a", LocalDate.of(2025, 1, 4), List.of(), List.of()));
        awaitTitle(id, "To be deleted");
        send(id, null);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> when().get("/api/v1/papers/{id}", id)
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json")
                        .body("status", equalTo(404)));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithAReasonAndTheRestFlows() {
        try (TopicReader dlq = TopicReader.open(Topics.ENRICHED_DLQ)) {
            send("arxiv:2501.00004", "{this is not json");
            send("arxiv:2501.00005", "{\"id\":\"arxiv:2501.00005\",\"revision\":1}");
            send(Papers.paper(
                    "arxiv:2501.00006", 1, "After the poison", "a", LocalDate.of(2025, 1, 5), List.of(), List.of()));
            awaitTitle("arxiv:2501.00006", "After the poison");
            dlq.awaitKeys("arxiv:2501.00004", "arxiv:2501.00005");
            assertThatDeadLetter(dlq.find("arxiv:2501.00004").orElseThrow())
                    .hasValue("{this is not json")
                    .hasReasonStartingWith("value is not JSON");
            assertThatDeadLetter(dlq.find("arxiv:2501.00005").orElseThrow())
                    .hasReasonStartingWith("value violates the EnrichedPaper v1 schema");
        }
        when().get("/api/v1/papers/{id}", "arxiv:2501.00004").then().statusCode(404);
    }

    @Test
    void aTombstoneFollowedByAnOlderRevisionInOneBatchRecreatesThePaper() {
        String id = "arxiv:2501.00008";
        send(Papers.paper(id, 5, "Revision five", "a", LocalDate.of(2025, 1, 7), List.of(), List.of()));
        awaitTitle(id, "Revision five");
        // same partition, one produce: the consumer sees them in one poll
        TestKafka.send(
                new ProducerRecord<>(Topics.ENRICHED, 0, id, null),
                new ProducerRecord<>(
                        Topics.ENRICHED,
                        0,
                        id,
                        Papers.json(Papers.paper(
                                id,
                                2,
                                "Recreated at revision two",
                                "a",
                                LocalDate.of(2025, 1, 7),
                                List.of(),
                                List.of()))));
        awaitTitle(id, "Recreated at revision two");
        when().get("/api/v1/papers/{id}", id).then().body("revision", equalTo(2));
    }

    @Test
    void aRecordTheDatabaseRefusesIsDeadLetteredAndItsBatchMatesAreStored() {
        TopicReader dlq = TopicReader.open(Topics.ENRICHED_DLQ);
        EnrichedPaper good = Papers.paper(
                "arxiv:2501.00009", 1, "Stored beside a bad one", "a", LocalDate.of(2025, 1, 8), List.of(), List.of());
        // valid JSON and schema, but beyond PostgreSQL's timestamp range (year 294276)
        String refused = Papers.json(Papers.paper(
                        "arxiv:2501.00010",
                        1,
                        "From the far future",
                        "a",
                        LocalDate.of(2025, 1, 8),
                        List.of(),
                        List.of()))
                .replaceFirst("\"ingestedAt\":\"[^\"]+\"", "\"ingestedAt\":\"+300000-01-01T00:00:00Z\"");
        TestKafka.send(
                new ProducerRecord<>(Topics.ENRICHED, 0, "arxiv:2501.00010", refused),
                new ProducerRecord<>(Topics.ENRICHED, 0, good.id(), Papers.json(good)));
        awaitTitle(good.id(), "Stored beside a bad one");
        assertThatDeadLetter(dlq.awaitKey("arxiv:2501.00010"))
                .hasReasonStartingWith("refused by the database")
                .hasValue(refused);
        dlq.close();
        when().get("/api/v1/papers/{id}", "arxiv:2501.00010").then().statusCode(404);
    }

    @Test
    void aDatabaseRestartMidStreamLeavesExactlyTheRightRows() {
        String tag = "outage-it";
        IntFunction<String> id = i -> String.format(Locale.ROOT, "arxiv:2505.%05d", i);
        BiFunction<Integer, Integer, EnrichedPaper> v = (i, revision) -> Papers.paper(
                id.apply(i),
                revision,
                "v" + revision + " " + i,
                "a",
                LocalDate.of(2025, 5, 1 + i % 28),
                List.of(tag),
                List.of());
        IntStream.range(0, 60).forEach(i -> send(v.apply(i, 1)));
        PostgresResource.postgres().pause();
        try {
            IntStream.range(0, 20).forEach(i -> send(v.apply(i, 3)));
            IntStream.range(10, 30).forEach(i -> send(v.apply(i, 2))); // 10..19: older than what they already have
            IntStream.range(0, 5).forEach(i -> send(v.apply(i, 1))); // duplicates of old revisions
            IntStream.range(40, 46).forEach(i -> send(id.apply(i), null));
            IntStream.range(60, 80).forEach(i -> send(v.apply(i, 1)));
            when().get("/api/v1/papers/{id}", id.apply(0))
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue());
        } finally {
            PostgresResource.postgres().resume();
        }
        IntStream.range(80, 90).forEach(i -> send(v.apply(i, 1)));
        send(id.apply(85), null);

        Map<String, String> expected = new TreeMap<>();
        IntStream.range(0, 90)
                .filter(i -> !(i >= 40 && i < 46) && i != 85)
                .forEach(i -> expected.put(id.apply(i), i < 20 ? "v3 " + i : i < 30 ? "v2 " + i : "v1 " + i));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonPath page = given().queryParam("tag", tag)
                    .queryParam("limit", 200)
                    .queryParam("fields", "title")
                    .when()
                    .get("/api/v1/papers")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            Map<String, String> actual = new TreeMap<>();
            page.getList("items", Map.class).forEach(m -> actual.put((String) m.get("id"), (String) m.get("title")));
            assertThat(actual).isEqualTo(expected);
        });
    }
}
