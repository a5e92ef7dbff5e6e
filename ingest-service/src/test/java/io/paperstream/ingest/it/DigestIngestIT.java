package io.paperstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.events.PaperJson;
import io.paperstream.events.PaperSchemas;
import io.paperstream.testsupport.TopicMark;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** text/plain: the daily-digest format; the project's 70-paper sample. */
@IngestIT
class DigestIngestIT {

    @Test
    void theSampleDigestYieldsSeventyIdsOnTheTopicAndTheSameIdsWhenPostedAgain() throws Exception {
        TopicMark mark = RawTopic.mark();
        List<String> ids = Api.authorized()
                .contentType("text/plain")
                .body(Samples.digest())
                .post(Api.PAPERS)
                .then()
                .statusCode(202)
                .body("format", equalTo("digest"))
                .body("accepted", equalTo(70))
                .body("rejected", equalTo(0))
                .body("digest.dateLine", equalTo("Mar 14"))
                .body("digest.dateSource", equalTo("date-line-inferred-year"))
                .extract()
                .path("ids");
        assertThat(ids).hasSize(70).doesNotHaveDuplicates().allMatch(id -> id.startsWith("title:"));

        List<ConsumerRecord<String, String>> records = mark.awaitRecords(70);
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
        records.forEach(RawTopic::assertCloudEvents);
        JsonNode first = PaperJson.mapper().readTree(records.get(0).value());
        assertThat(PaperSchemas.validateRaw(first)).isEmpty();
        assertThat(first.get("publishedOn").asText()).endsWith("-03-14");
        assertThat(first.at("/source/format").asText()).isEqualTo("digest");

        List<String> again = Api.authorized()
                .contentType("text/plain")
                .body(Samples.digest())
                .post(Api.PAPERS)
                .then()
                .statusCode(202)
                .extract()
                .path("ids");
        assertThat(again).isEqualTo(ids);
    }

    @Test
    void theDateParameterWinsAndIsReported() {
        String digest =
                "Mar 14\n\nA Paper With A Date " + UUID.randomUUID() + "\n\nAn abstract that is long enough to pass.\n";
        Api.authorized()
                .contentType("text/plain")
                .queryParam("date", "2024-03-14")
                .body(digest.getBytes(StandardCharsets.UTF_8))
                .post(Api.PAPERS)
                .then()
                .statusCode(202)
                .body("digest.date", equalTo("2024-03-14"))
                .body("digest.dateSource", equalTo("date-parameter"));
    }

    @Test
    void aTitleWithoutAbstractIsRejectedAndTheOthersAccepted() {
        String digest = ("new\r\n\r\nSubscribe\r\n\r\n\r\n"
                + "Lonely Title " + UUID.randomUUID() + "\r\n\r\n"
                + "Good Title " + UUID.randomUUID() + "\r\n\r\n\r\n"
                + "A perfectly good abstract that describes the good paper.\r\n");
        Api.authorized()
                .contentType("text/plain")
                .body(digest.getBytes(StandardCharsets.UTF_8))
                .post(Api.PAPERS)
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(1))
                .body("records[0].status", equalTo("rejected"))
                .body("records[0].errors[0].field", equalTo("abstract"))
                .body("records[1].status", equalTo("accepted"))
                .body("digest.dateSource", equalTo("none"))
                .body("ids", hasSize(1));
    }
}
