package io.paperstream.enrich;

import static io.paperstream.enrich.EnrichIT.find;
import static io.paperstream.enrich.EnrichIT.kafka;
import static io.paperstream.enrich.EnrichIT.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.paperstream.localstack.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * The enrich hop keeps a paper's trace: a papers.raw record's W3C traceparent header is continued by the service's
 * spans, and the papers.enriched record (or the papers.raw.dlq record of a poison one) carries the same trace.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class EnrichTracingIT {
    @Inject
    InMemorySpanExporter spans;

    static void sendTraced(String key, byte[] value, String traceId) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
        EnrichIT.connect();
        kafka.produce(String.class, byte[].class)
                .fromRecords(new ProducerRecord<>("papers.raw", null, key, value, headers))
                .awaitCompletion();
    }

    @Test
    void theEnrichedRecordCarriesTheRawRecordsTrace() {
        String trace = "5bf92f3577b34da6a3ce929d0e0e4736";
        EnrichIT.connect();
        ConsumerTask<String, String> out = kafka.consumeStrings().fromTopics("papers.enriched");
        sendTraced(
                "arxiv:2601.00201",
                raw("arxiv:2601.00201", "A traced paper", "Followed across services.")
                        .getBytes(StandardCharsets.UTF_8),
                trace);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> find(out, "arxiv:2601.00201").isPresent());
        out.stop();
        assertThat(traceparent(find(out, "arxiv:2601.00201").orElseThrow()))
                .startsWith("00-" + trace + "-")
                .doesNotContain("00f067aa0ba902b7");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                        .anySatisfy(s -> assertThat(s.getTraceId()).isEqualTo(trace)));
    }

    @Test
    void aDeadLetterCarriesThePoisonRecordsTrace() {
        String trace = "6bf92f3577b34da6a3ce929d0e0e4736";
        EnrichIT.connect();
        ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics("papers.raw.dlq");
        sendTraced("arxiv:2601.00202", "{not json".getBytes(StandardCharsets.UTF_8), trace);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> find(dlq, "arxiv:2601.00202").isPresent());
        dlq.stop();
        assertThat(traceparent(find(dlq, "arxiv:2601.00202").orElseThrow())).startsWith("00-" + trace + "-");
    }

    static String traceparent(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader("traceparent");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
