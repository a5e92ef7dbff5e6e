package io.paperstream.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.events.PaperJson;
import io.paperstream.events.PaperSchemas;
import io.paperstream.localstack.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.compress.Lz4BlockInputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** papers.raw → papers.enriched (and papers.raw.dlq) on a real broker. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class EnrichIT {
    static KafkaCompanion kafka;

    @BeforeAll
    static synchronized void connect() {
        if (kafka == null) {
            kafka = new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        }
    }

    @AfterAll
    static synchronized void close() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    static String raw(String id, String title, String abstractText) {
        return """
                {"id":"%s","revision":1,"title":"%s","abstract":"%s","authors":["A. Author"],
                 "categories":["cs.CV"],"links":[{"url":"https://github.com/Org/Tool.git","label":"github"}],
                 "source":{"format":"json"},"ingestedAt":"2026-01-01T00:00:00Z"}""".formatted(id, title, abstractText);
    }

    static void send(String key, byte[] value) {
        kafka.produce(String.class, byte[].class)
                .fromRecords(new ProducerRecord<>("papers.raw", key, value))
                .awaitCompletion();
    }

    static Optional<ConsumerRecord<String, String>> find(ConsumerTask<String, String> task, String key) {
        return task.getRecords().stream().filter(r -> key.equals(r.key())).findFirst();
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
        ConsumerTask<String, String> out = kafka.consumeStrings().fromTopics("papers.enriched");
        send(
                "arxiv:2601.00001",
                raw(
                                "arxiv:2601.00001",
                                "Diffusion models for image segmentation",
                                "We train a diffusion model for semantic image segmentation of street scenes. Code: "
                                        + "https://github.com/someone/diffseg. Weights at huggingface.co/someone/diffseg-base.")
                        .getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> find(out, "arxiv:2601.00001").isPresent());
        ConsumerRecord<String, String> record = find(out, "arxiv:2601.00001").orElseThrow();
        out.stop();
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
        ConsumerTask<String, String> out = kafka.consumeStrings().fromTopics("papers.enriched");
        ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics("papers.raw.dlq");
        send("arxiv:2601.00002", "{not json".getBytes(StandardCharsets.UTF_8));
        send("arxiv:2601.00003", new byte[] {(byte) 0xC3, (byte) 0x28});
        send("arxiv:2601.00004", "{\"id\":\"arxiv:2601.00004\",\"revision\":1}".getBytes(StandardCharsets.UTF_8));
        send("arxiv:2601.00099", raw("arxiv:2601.00005", "Key mismatch", "x").getBytes(StandardCharsets.UTF_8));
        send(
                "arxiv:2601.00006",
                raw("arxiv:2601.00006", "After the poison", "Still flows.").getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> find(out, "arxiv:2601.00006").isPresent()
                        && List.of("arxiv:2601.00002", "arxiv:2601.00003", "arxiv:2601.00004", "arxiv:2601.00099")
                                .stream()
                                .allMatch(k -> find(dlq, k).isPresent()));
        out.stop();
        dlq.stop();
        assertThat(header(find(dlq, "arxiv:2601.00002").orElseThrow(), "dead-letter-reason"))
                .contains("not JSON");
        assertThat(header(find(dlq, "arxiv:2601.00003").orElseThrow(), "dead-letter-reason"))
                .contains("UTF-8");
        assertThat(header(find(dlq, "arxiv:2601.00004").orElseThrow(), "dead-letter-reason"))
                .contains("schema");
        assertThat(header(find(dlq, "arxiv:2601.00099").orElseThrow(), "dead-letter-reason"))
                .contains("differs");
        assertThat(find(dlq, "arxiv:2601.00002").orElseThrow().value()).isEqualTo("{not json");
        // the same dead-letter headers as every stage writes (paper-events' DeadLetters)
        ConsumerRecord<String, String> poison = find(dlq, "arxiv:2601.00002").orElseThrow();
        assertThat(header(poison, "dead-letter-topic")).isEqualTo("papers.raw");
        assertThat(header(poison, "dead-letter-cause")).isNotBlank();
        // (the resolver reads papers.raw through its repartition topic, so it gives no partition and offset)
        assertThat(header(poison, "dead-letter-offset")).isNull();
        assertThat(find(out, "arxiv:2601.00002")).isEmpty();
    }

    @Test
    void aTombstoneIsForwardedAsATombstone() {
        ConsumerTask<String, String> out = kafka.consumeStrings().fromTopics("papers.enriched");
        send("arxiv:2601.00007", null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> find(out, "arxiv:2601.00007").isPresent());
        out.stop();
        assertThat(find(out, "arxiv:2601.00007").orElseThrow().value()).isNull();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
