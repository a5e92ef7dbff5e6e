package io.paperstream.query;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.PostgresResource;
import io.paperstream.testsupport.Json;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The SSE stream delivers stored papers that match its filter, and not the others (through PostgreSQL NOTIFY). */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class StreamIT {
    @TestHTTPResource("/api/v1/papers/stream?tag=stream-it&q=comet&linkKind=code")
    URL stream;

    @Test
    void aSubscriberReceivesStoredPapersMatchingItsFilterOnly() throws Exception {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> response = http.send(
                HttpRequest.newBuilder(URI.create(stream.toString()))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        Thread reader = new Thread(
                () -> {
                    try {
                        response.body()
                                .filter(l -> l.startsWith("data:"))
                                .forEach(l -> received.add(json(l.substring(5))));
                    } catch (UncheckedIOException closed) {
                        // the test closed the stream
                    }
                },
                "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try (Feed feed = new Feed()) {
            // matches the tag but not the search; then one with the search but no code link
            feed.send(Papers.paper(
                    "arxiv:2603.00001",
                    1,
                    "A quiet night sky",
                    "Nothing moves.",
                    LocalDate.of(2025, 4, 1),
                    List.of("stream-it"),
                    List.of(Papers.code("sky", "quiet"))));
            feed.send(Papers.paper(
                    "arxiv:2603.00002",
                    1,
                    "A comet without code",
                    "Bright tail.",
                    LocalDate.of(2025, 4, 2),
                    List.of("stream-it"),
                    List.of()));
            Feed.awaitTagged("stream-it", 2);
            feed.send(Papers.paper(
                    "arxiv:2603.00003",
                    1,
                    "Tracking a comet",
                    "Orbits from images.",
                    LocalDate.of(2025, 4, 3),
                    List.of("stream-it"),
                    List.of(Papers.code("sky", "comet-tracker"))));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> received.stream()
                            .anyMatch(p -> p.path("id").asText().equals("arxiv:2603.00003")));
            feed.send(Papers.paper(
                    "arxiv:2603.00004",
                    2,
                    "Comet tails, revisited",
                    "More orbits.",
                    LocalDate.of(2025, 4, 4),
                    List.of("stream-it"),
                    List.of(Papers.code("sky", "tails"))));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> received.stream()
                            .anyMatch(p -> p.path("id").asText().equals("arxiv:2603.00004")));
        } finally {
            response.body().close();
        }
        assertThat(received)
                .extracting(p -> p.path("id").asText())
                .containsExactly("arxiv:2603.00003", "arxiv:2603.00004");
        JsonNode first = received.get(0);
        assertThat(first.path("title").asText()).isEqualTo("Tracking a comet");
        assertThat(first.path("links").get(0).path("subject").asText()).isEqualTo("sky/comet-tracker");
        assertThat(first.path("storedAt").isTextual()).isTrue();
        when().get("/api/v1/papers/{id}", "arxiv:2603.00003").then().statusCode(200);
    }

    private static JsonNode json(String text) {
        return Json.read(text.trim());
    }

    @TestHTTPResource("/api/v1/papers/stream?tag=resume-it")
    URL resumable;

    /** One SSE connection: its data lines, id lines and comment lines, read on a daemon thread. */
    record Connection(HttpResponse<Stream<String>> response, List<String> lines) implements AutoCloseable {
        static Connection open(URL url, String lastEventId) throws Exception {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(url.toString())).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<Stream<String>> response =
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(
                    () -> {
                        try {
                            response.body().forEach(lines::add);
                        } catch (UncheckedIOException closed) {
                            // closed by the test
                        }
                    },
                    "sse-reader");
            reader.setDaemon(true);
            reader.start();
            return new Connection(response, lines);
        }

        List<String> ids() {
            return lines.stream()
                    .filter(l -> l.startsWith("id:"))
                    .map(l -> l.substring(3).strip())
                    .toList();
        }

        List<String> paperIds() {
            return lines.stream()
                    .filter(l -> l.startsWith("data:"))
                    .map(l -> json(l.substring(5)).path("id").asText())
                    .toList();
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    @Test
    void eventsCarryAnIdAClientResumesFromWithLastEventIdAndIdleStreamsAHeartbeat() throws Exception {
        String lastSeen;
        try (Feed feed = new Feed();
                Connection first = Connection.open(resumable, null)) {
            // heartbeat: a comment line while nothing is stored (every second in tests)
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> first.lines().stream().anyMatch(l -> l.startsWith(":")));
            feed.send(Papers.paper(
                    "arxiv:2603.00011",
                    1,
                    "Resumable one",
                    "First of three.",
                    LocalDate.of(2025, 5, 1),
                    List.of("resume-it"),
                    List.of()));
            await().atMost(Duration.ofSeconds(30)).until(() -> first.paperIds().contains("arxiv:2603.00011"));
            assertThat(first.ids()).hasSize(1);
            lastSeen = first.ids().get(0);
            assertThat(lastSeen).endsWith("_arxiv:2603.00011");
        }
        // stored while the client is away
        try (Feed feed = new Feed()) {
            feed.send(Papers.paper(
                    "arxiv:2603.00012",
                    1,
                    "Resumable two",
                    "Second.",
                    LocalDate.of(2025, 5, 2),
                    List.of("resume-it"),
                    List.of()));
            feed.send(Papers.paper(
                    "arxiv:2603.00013",
                    1,
                    "Resumable three",
                    "Third.",
                    LocalDate.of(2025, 5, 3),
                    List.of("resume-it"),
                    List.of()));
            Feed.awaitTagged("resume-it", 3);
        }
        try (Feed feed = new Feed();
                Connection resumed = Connection.open(resumable, lastSeen)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> resumed.paperIds().size() >= 2);
            // and then live again
            feed.send(Papers.paper(
                    "arxiv:2603.00014",
                    1,
                    "Resumable four",
                    "Live.",
                    LocalDate.of(2025, 5, 4),
                    List.of("resume-it"),
                    List.of()));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> resumed.paperIds().contains("arxiv:2603.00014"));
            assertThat(resumed.paperIds())
                    .containsExactlyInAnyOrder("arxiv:2603.00012", "arxiv:2603.00013", "arxiv:2603.00014");
            assertThat(resumed.ids()).hasSize(3).doesNotHaveDuplicates();
        }
    }

    @Test
    void aLastEventIdThisStreamDidNotIssueIsA400() {
        io.restassured.RestAssured.given()
                .header("Last-Event-ID", "yesterday")
                .accept("text/event-stream")
                .get("/api/v1/papers/stream")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
