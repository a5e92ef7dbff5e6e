package io.paperstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.events.CloudEvents;
import io.paperstream.events.PaperJson;
import io.paperstream.events.PaperSchemas;
import io.paperstream.testsupport.TopicMark;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** application/json: one paper or an array, per-record outcomes, records on papers.raw with key and CloudEvents headers. */
@IngestIT
class JsonIngestIT {

    @Test
    void aClientAskingForHttp2IsAnsweredInHttp11() throws Exception {
        // Java's HttpClient asks for h2c by default; the upload route needs HTTP/1.1 (application.properties)
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> response = client.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + Api.PAPERS))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + Api.TOKEN)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                Api.paper("Over h2c " + UUID.randomUUID())))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_1_1);
    }

    @Test
    void onePaperLandsOnTheTopicKeyedByIdWithCloudEventsHeaders() throws Exception {
        TopicMark mark = RawTopic.mark();
        String title = "Single paper " + UUID.randomUUID();
        String id = Api.json()
                .body(Api.paper(title))
                .post(Api.PAPERS)
                .then()
                .statusCode(202)
                .body("format", equalTo("json"))
                .body("accepted", equalTo(1))
                .body("ids", hasSize(1))
                .body("records[0].status", equalTo("accepted"))
                .extract()
                .path("ids[0]");
        assertThat(id).startsWith("title:");

        ConsumerRecord<String, String> record = mark.awaitRecords(1).get(0);
        assertThat(record.key()).isEqualTo(id);
        RawTopic.assertCloudEvents(record);
        assertThat(KafkaCompanion.getHeader(record.headers(), CloudEvents.CONTENT_TYPE))
                .isEqualTo("application/json");
        JsonNode value = PaperJson.mapper().readTree(record.value());
        assertThat(PaperSchemas.validateRaw(value)).isEmpty();
        assertThat(value.get("title").asText()).isEqualTo(title);
        assertThat(value.get("revision").asLong()).isPositive();
        assertThat(value.at("/source/format").asText()).isEqualTo("json");
    }

    @Test
    void anArrayAnswersEachRecordAndPublishesAllButTheRejected() {
        TopicMark mark = RawTopic.mark();
        String a = Api.paper("Batch paper A " + UUID.randomUUID());
        String b = Api.paper("Batch paper B " + UUID.randomUUID());
        String bad = "{\"title\": \"No abstract here\"}";
        List<String> ids = Api.json()
                .body("[" + a + "," + bad + "," + b + "," + a + "]")
                .post(Api.PAPERS)
                .then()
                .statusCode(202)
                .body("received", equalTo(4))
                .body("accepted", equalTo(2))
                .body("duplicates", equalTo(1))
                .body("rejected", equalTo(1))
                .body("records[1].status", equalTo("rejected"))
                .body("records[1].errors[0].field", equalTo("abstract"))
                .body("records[1].errors[0].code", equalTo("missing"))
                .body("records[3].status", equalTo("duplicate-in-batch"))
                .extract()
                .path("ids");
        assertThat(ids).hasSize(2);

        List<ConsumerRecord<String, String>> records = mark.awaitRecords(3);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(ids.toArray(String[]::new));
        assertThat(mark.written()).isEqualTo(3);
    }

    @Test
    void rePostingGivesTheSameIdAndAHigherRevision() throws Exception {
        String body = Api.paper("Posted twice " + UUID.randomUUID());
        TopicMark mark = RawTopic.mark();
        String first = Api.json()
                .body(body)
                .post(Api.PAPERS)
                .then()
                .statusCode(202)
                .extract()
                .path("ids[0]");
        String second = Api.json()
                .body(body)
                .post(Api.PAPERS)
                .then()
                .statusCode(202)
                .extract()
                .path("ids[0]");
        assertThat(second).isEqualTo(first);
        List<ConsumerRecord<String, String>> records = mark.awaitRecords(2);
        long r1 = PaperJson.mapper()
                .readTree(records.get(0).value())
                .get("revision")
                .asLong();
        long r2 = PaperJson.mapper()
                .readTree(records.get(1).value())
                .get("revision")
                .asLong();
        assertThat(records.get(0).partition()).isEqualTo(records.get(1).partition());
        assertThat(r2).isGreaterThan(r1);
    }
}
