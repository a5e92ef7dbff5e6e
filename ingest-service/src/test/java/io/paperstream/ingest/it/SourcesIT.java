package io.paperstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.events.PaperSchemas;
import io.paperstream.events.Topics;
import io.paperstream.localstack.KafkaResource;
import io.paperstream.testsupport.Json;
import io.paperstream.testsupport.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The harvesters inside the running service, against stand-ins of arXiv and Hugging Face and the real broker: papers
 * land on papers.raw with their categories, authors, comment and links, a deleted record as a tombstone; the
 * checkpoint topic is created; metrics and the (non-blocking) health check report the harvest.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(StandInSources.class)
class SourcesIT {
    @io.quarkus.test.common.http.TestHTTPResource(value = "health/ready", management = true)
    java.net.URL ready;

    @io.quarkus.test.common.http.TestHTTPResource(value = "metrics", management = true)
    java.net.URL metrics;

    private static Map<String, ConsumerRecord<String, String>> harvested(int atLeast) {
        Map<String, ConsumerRecord<String, String>> byKey = new HashMap<>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    List<ConsumerRecord<String, String>> all = TestKafka.companion()
                            .consumeStrings()
                            .fromTopics(Topics.RAW, Duration.ofSeconds(2))
                            .awaitCompletion(Duration.ofSeconds(10))
                            .getRecords();
                    byKey.clear();
                    for (ConsumerRecord<String, String> r : all) {
                        if (r.value() == null
                                || r.value().contains("\"arxiv-oai\"")
                                || r.value().contains("\"hf-daily\"")) {
                            byKey.put(r.key() + (r.value() == null ? "#tombstone" : "#" + format(r.value())), r);
                        }
                    }
                    return byKey.size() >= atLeast;
                });
        return byKey;
    }

    private static String format(String value) {
        return read(value).path("source").path("format").asText();
    }

    private static JsonNode read(String json) {
        return Json.read(json);
    }

    @Test
    void harvestedPapersLandOnPapersRawWithWhatTheSourcesSay() {
        // arXiv: 4 papers + 1 tombstone (1 record rejected); Hugging Face: 2 papers of yesterday
        Map<String, ConsumerRecord<String, String>> records = harvested(7);
        JsonNode points = read(records.get("arxiv:2409.04828#arxiv-oai").value());
        assertThat(PaperSchemas.validateRaw(points)).isEmpty();
        assertThat(points.get("categories").toString()).isEqualTo("[\"cs.CV\",\"cs.CL\"]");
        assertThat(points.get("authors").toString()).isEqualTo("[\"Yuan Liu\",\"Zhongyin Zhao\",\"Le Tian Jr\"]");
        assertThat(points.get("comment").asText()).isEqualTo("Code: https://github.com/WePOINTS/WePOINTS");
        assertThat(points.get("publishedOn").asText()).isEqualTo("2024-09-07");
        assertThat(points.get("source").get("name").asText()).isEqualTo("arxiv:cs");
        assertThat(points.get("license").asText()).isEqualTo("http://creativecommons.org/licenses/by/4.0/");
        RawTopic.assertCloudEvents(records.get("arxiv:2409.04828#arxiv-oai"));
        assertThat(records)
                .containsKeys(
                        "arxiv:0704.0001#arxiv-oai",
                        "arxiv:2412.00004#arxiv-oai",
                        "arxiv:math/0703001#arxiv-oai",
                        "arxiv:2401.00002#tombstone");
        JsonNode daily = read(records.get("arxiv:2512.07777#hf-daily").value());
        assertThat(daily.get("links").toString()).contains("https://github.com/example/2512-07777");
        assertThat(records).containsKey("arxiv:2409.04828#hf-daily");

        // the stand-ins saw the requests the protocols prescribe
        assertThat(StandInSources.arxiv.requests().get(0).query())
                .containsEntry("metadataPrefix", "arXiv")
                .containsEntry("set", "cs")
                .containsEntry("from", "2026-12-01");
        assertThat(StandInSources.hf.requests())
                .extracting(r -> r.query().get("date"))
                .contains(StandInSources.TODAY.minusDays(1).toString(), StandInSources.TODAY.toString());
    }

    @Test
    void metricsAndHealthReportTheHarvest() {
        harvested(7);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String text = RestAssured.given()
                    .get(metrics)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(text)
                    .contains("paperstream_source_requests_total{outcome=\"ok\",source=\"arxiv-oai\"} 3.0")
                    .contains("paperstream_source_requests_total{outcome=\"retry-after\",source=\"arxiv-oai\"} 1.0")
                    .contains("paperstream_source_papers_total{outcome=\"rejected\",source=\"arxiv-oai\"} 1.0")
                    .contains("paperstream_source_papers_total{outcome=\"deleted\",source=\"arxiv-oai\"} 1.0")
                    .contains("paperstream_source_papers_total{outcome=\"accepted\",source=\"hf-daily\"} 2.0")
                    .contains("paperstream_source_enabled{source=\"hf-daily\"} 1.0")
                    .containsPattern("paperstream_source_last_success_seconds\\{source=\"hf-daily\"} 1\\.[0-9]+E9");
        });
        RestAssured.given()
                .get(ready)
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'paperstream sources' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'paperstream sources' }.data.leader", equalTo(true))
                .body(
                        "checks.find { it.name == 'paperstream sources' }.data.'arxiv-oai.consecutiveFailures'",
                        equalTo(0));
    }
}
