package io.paperstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.events.PaperSchemas;
import io.paperstream.testsupport.Json;
import io.paperstream.testsupport.TopicMark;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Hugging Face daily-papers JSON (by shape or format=hf-daily) and arXiv Atom feeds land on papers.raw. */
@IngestIT
class FeedFormatsIT {

    @Test
    void dailyPapersJsonIsRecognisedByItsShapeKeepingLinksAndKeywords() throws Exception {
        TopicMark mark = RawTopic.mark();
        Api.json()
                .body(Samples.bytes("hf-daily.json"))
                .post(Api.PAPERS)
                .then()
                .statusCode(202)
                .body("format", equalTo("hf-daily"))
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(1))
                .body("records[0].id", equalTo("arxiv:2503.10622"))
                .body("records[1].id", equalTo("arxiv:2503.10480"))
                .body("records[2].errors[0].field", equalTo("abstract"));
        Map<String, JsonNode> values = values(mark.awaitRecords(2));
        JsonNode dyt = values.get("arxiv:2503.10622");
        assertThat(PaperSchemas.validateRaw(dyt)).isEmpty();
        assertThat(dyt.get("authors")).hasSize(3);
        assertThat(dyt.get("publishedOn").asText()).isEqualTo("2025-03-13");
        assertThat(dyt.get("links").toString()).contains("\"label\":\"github\"").contains("\"label\":\"project-page\"");
        assertThat(dyt.get("keywords").toString()).contains("Dynamic Tanh");
        assertThat(values.get("arxiv:2503.10480").get("arxivId").asText()).isEqualTo("2503.10480v2");
    }

    @Test
    void theFormatParameterSelectsDailyPapers() {
        String entry = "{\"id\": \"2503.11111\", \"title\": \"Bare Daily Paper\", "
                + "\"summary\": \"A summary long enough to be an abstract.\", \"authors\": [{\"name\": \"A. Author\"}]}";
        Api.json()
                .queryParam("format", "hf-daily")
                .body(entry)
                .post(Api.PAPERS)
                .then()
                .statusCode(202)
                .body("format", equalTo("hf-daily"))
                .body("ids[0]", equalTo("arxiv:2503.11111"));
    }

    @Test
    void anArxivAtomFeedLandsWithCategoriesLinksCommentAndDoi() throws Exception {
        TopicMark mark = RawTopic.mark();
        Api.authorized()
                .contentType("application/atom+xml")
                .body(Samples.bytes("arxiv-feed.xml"))
                .post(Api.PAPERS)
                .then()
                .statusCode(202)
                .body("format", equalTo("atom"))
                .body("accepted", equalTo(2))
                .body("records[0].id", equalTo("arxiv:2409.04828"))
                .body("records[1].id", equalTo("arxiv:hep-th/9901001"));
        Map<String, JsonNode> values = values(mark.awaitRecords(2));
        JsonNode points = values.get("arxiv:2409.04828");
        assertThat(PaperSchemas.validateRaw(points)).isEmpty();
        assertThat(points.get("title").asText())
                .isEqualTo("POINTS: Improving Your Vision-language Model with Affordable Strategies");
        assertThat(points.get("arxivId").asText()).isEqualTo("2409.04828v2");
        assertThat(points.get("doi").asText()).isEqualTo("10.48550/arxiv.2409.04828");
        assertThat(points.get("comment").asText()).isEqualTo("v2 fixes typos; 20 pages");
        assertThat(points.get("categories").toString()).isEqualTo("[\"cs.CV\",\"cs.CL\"]");
        assertThat(points.get("updatedAt").asText()).isEqualTo("2024-09-10T12:01:02Z");
        assertThat(points.get("links").toString()).contains("http://arxiv.org/pdf/2409.04828v2");
    }

    @Test
    void arxivSnapshotLinesLandWithTheirIdAuthorsCategoriesAndFirstVersionDate() throws Exception {
        TopicMark mark = RawTopic.mark();
        String body = io.paperstream.ingest.domain.format.ArxivSnapshotMapperTest.FIRST + "\n"
                + io.paperstream.ingest.domain.format.ArxivSnapshotMapperTest.RECENT + "\n"
                + "{\"id\":\"2501.00002\",\"title\":\"No abstract here\",\"versions\":[]}\n";
        Api.authorized()
                .contentType("application/x-ndjson")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post(Api.PAPERS)
                .then()
                .statusCode(202)
                .body("format", equalTo("arxiv-snapshot"))
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(1))
                .body("records[0].id", equalTo("arxiv:0704.0001"))
                .body("records[1].id", equalTo("arxiv:2409.04828"))
                .body("records[2].errors[0].field", equalTo("abstract"));
        List<ConsumerRecord<String, String>> records = mark.awaitRecords(2);
        Map<String, JsonNode> values = values(records);
        JsonNode points = values.get("arxiv:2409.04828");
        assertThat(PaperSchemas.validateRaw(points)).isEmpty();
        assertThat(points.get("arxivId").asText()).isEqualTo("2409.04828v3");
        assertThat(points.get("categories").toString()).isEqualTo("[\"cs.CV\",\"cs.CL\",\"cs.LG\"]");
        assertThat(points.get("authors").toString()).isEqualTo("[\"Yuan Liu\",\"Zhongyin Zhao\",\"Le Tian Jr\"]");
        assertThat(points.get("publishedOn").asText()).isEqualTo("2024-09-07");
        assertThat(points.get("comment").asText()).isEqualTo("Code: https://github.com/WePOINTS/WePOINTS");
        assertThat(points.get("source").get("format").asText()).isEqualTo("arxiv-snapshot");
        assertThat(points.get("license").asText()).isEqualTo("http://creativecommons.org/licenses/by/4.0/");
        assertThat(values.get("arxiv:0704.0001").get("doi").asText()).isEqualTo("10.1103/physrevd.76.013009");
    }

    private static Map<String, JsonNode> values(List<ConsumerRecord<String, String>> records) {
        records.forEach(RawTopic::assertCloudEvents);
        return records.stream().collect(Collectors.toMap(ConsumerRecord::key, r -> Json.read(r.value()), (a, b) -> b));
    }
}
