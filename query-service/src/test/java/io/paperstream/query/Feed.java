package io.paperstream.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.Topics;
import io.paperstream.testsupport.TestKafka;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Produces test papers to papers.enriched on the test broker and waits until the service has stored them. The broker
 * is reached through test-support's {@link TestKafka}, whose companion is shared: closing a feed leaves it open.
 */
public final class Feed implements AutoCloseable {

    public void send(EnrichedPaper... papers) {
        send(Arrays.asList(papers));
    }

    public void send(Collection<EnrichedPaper> papers) {
        TestKafka.send(papers.stream()
                .map(p -> new ProducerRecord<>(Topics.ENRICHED, p.id(), Papers.json(p)))
                .toList());
    }

    public void sendRaw(String key, String value) {
        TestKafka.send(Topics.ENRICHED, key, value);
    }

    /** Sends the papers and waits until the given tag selects exactly that many of them. */
    public void sendAndAwait(String tag, List<EnrichedPaper> papers) {
        send(papers);
        awaitTagged(tag, papers.size());
    }

    public static void awaitTagged(String tag, int count) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("tag", tag)
                        .queryParam("limit", 1)
                        .when()
                        .get("/api/v1/papers")
                        .then()
                        .statusCode(200)
                        .body("total", equalTo(count)));
    }

    @Override
    public void close() {
        // nothing of its own to close: the companion is TestKafka's, for every test class of the app
    }
}
