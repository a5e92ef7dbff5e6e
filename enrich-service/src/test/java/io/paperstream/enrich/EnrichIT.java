package io.paperstream.enrich;

import static io.paperstream.testsupport.DeadLetterAssert.assertThatDeadLetter;
import static io.paperstream.testsupport.Records.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.events.PaperJson;
import io.paperstream.events.PaperSchemas;
import io.paperstream.events.Topics;
import io.paperstream.localstack.KafkaResource;
import io.paperstream.testsupport.TestKafka;
import io.paperstream.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.compress.Lz4BlockInputStream;
import org.junit.jupiter.api.Test;

/** papers.raw → papers.enriched (and papers.raw.dlq) on a real broker. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class EnrichIT {
    static String raw(String id, String title, String abstractText) {
        return """
                {"id":"%s","revision":1,"title":"%s","abstract":"%s","authors":["A. Author"],
                 "categories":["cs.CV"],"links":[{"url":"https://github.com/Org/Tool.git","label":"github"}],
                 "source":{"format":"json"},"ingestedAt":"2026-01-01T00:00:00Z"}""".formatted(id, title, abstractText);
    }

    static void send(String key, byte[] value) {
        TestKafka.sendBytes(Topics.RAW, key, value, null);
    }

    @Test
    void theKafkaClientDecompressesWithTheNativeLz4Codec() throws Exception {
        // the consumer's decompressor is fixed when its class initialises; under Quarkus' class loader it would be
        // lz4-java's slow pure-Java one unless the service loaded the native codec first
        Field decompressor = Lz4BlockInputStream.class.getDeclaredField("DECOMPRESSOR");
        decompressor.setAccessible(true);
        assertThat(decompressor.get(null).getClass().getSimpleName()).isEqualTo("LZ4JNISafeDecompressor");
    }

    @Test
    void enrichesARawPaperWithLinksTagsAndKeyphrases() throws Exception {
        TopicReader out = TopicReader.open(Topics.ENRICHED);
        send(
                "arxiv:2601.00001",
                raw(
                                "arxiv:2601.00001",
                                "Diffusion models for image segmentation",
                                "We train a diffusion model for semantic image segmentation of street scenes. Code: "
                                        + "https://github.com/someone/diffseg. Weights at huggingface.co/someone/diffseg-base.")
                        .getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, String> record = out.awaitKey("arxiv:2601.00001");
        out.close();
        JsonNode json = PaperJson.mapper().readTree(record.value());
        assertThat(PaperSchemas.validateEnriched(json)).isEmpty();
        assertThat(json.at("/paper/title").asText()).isEqualTo("Diffusion models for image segmentation");
        assertThat(json.get("links").findValuesAsText("url"))
                .containsExactly(
                        "https://github.com/Org/Tool.git",
                        "https://github.com/someone/diffseg",
                        "https://huggingface.co/someone/diffseg-base");
        assertThat(json.get("links").findValuesAsText("canonicalUrl"))
                .containsExactly(
                        "https://github.com/Org/Tool",
                        "https://github.com/someone/diffseg",
                        "https://huggingface.co/someone/diffseg-base");
        assertThat(json.get("links").findValuesAsText("kind")).containsExactly("code", "code", "model");
        assertThat(json.at("/links/0/origin").asText()).isEqualTo("source");
        assertThat(json.get("tags").findValuesAsText("name")).contains("computer-vision");
        assertThat(json.get("keyphrases").size()).isBetween(1, 5);
        assertThat(json.at("/enrichment/version").asText()).isNotBlank();
        assertThat(header(record, "ce_type")).isEqualTo("paperstream.paper.enriched.v1");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
    }

    @Test
    void poisonRecordsAreDeadLetteredWithTheirReasonAndTheRestFlows() {
        TopicReader out = TopicReader.open(Topics.ENRICHED);
        TopicReader dlq = TopicReader.open(Topics.RAW_DLQ);
        send("arxiv:2601.00002", "{not json".getBytes(StandardCharsets.UTF_8));
        send("arxiv:2601.00003", new byte[] {(byte) 0xC3, (byte) 0x28});
        send("arxiv:2601.00004", "{\"id\":\"arxiv:2601.00004\",\"revision\":1}".getBytes(StandardCharsets.UTF_8));
        send("arxiv:2601.00099", raw("arxiv:2601.00005", "Key mismatch", "x").getBytes(StandardCharsets.UTF_8));
        send(
                "arxiv:2601.00006",
                raw("arxiv:2601.00006", "After the poison", "Still flows.").getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> out.has("arxiv:2601.00006")
                        && dlq.hasAll(List.of(
                                "arxiv:2601.00002", "arxiv:2601.00003", "arxiv:2601.00004", "arxiv:2601.00099")));
        out.close();
        dlq.close();
        assertThatDeadLetter(dlq.find("arxiv:2601.00003").orElseThrow()).hasReasonContaining("UTF-8");
        assertThatDeadLetter(dlq.find("arxiv:2601.00004").orElseThrow()).hasReasonContaining("schema");
        assertThatDeadLetter(dlq.find("arxiv:2601.00099").orElseThrow()).hasReasonContaining("differs");
        // the same dead-letter headers as every stage writes (paper-events' DeadLetters)
        assertThatDeadLetter(dlq.find("arxiv:2601.00002").orElseThrow())
                .hasReasonContaining("not JSON")
                .hasValue("{not json")
                .wasReadFrom("papers.raw")
                .hasCause()
                // (the resolver reads papers.raw through its repartition topic, so it gives no partition and offset)
                .hasNoOffset();
        assertThat(out.find("arxiv:2601.00002")).isEmpty();
    }

    @Test
    void aTombstoneIsForwardedAsATombstone() {
        try (TopicReader out = TopicReader.open(Topics.ENRICHED)) {
            send("arxiv:2601.00007", null);
            assertThat(out.awaitKey("arxiv:2601.00007").value()).isNull();
        }
    }
}
