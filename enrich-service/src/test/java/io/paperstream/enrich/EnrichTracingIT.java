package io.paperstream.enrich;

import static io.paperstream.enrich.EnrichIT.raw;
import static io.paperstream.testsupport.Records.traceparent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.paperstream.events.Topics;
import io.paperstream.localstack.KafkaResource;
import io.paperstream.testsupport.Records;
import io.paperstream.testsupport.TestKafka;
import io.paperstream.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
        TestKafka.sendBytes(Topics.RAW, key, value, Records.traced(traceId));
    }

    @Test
    void theEnrichedRecordCarriesTheRawRecordsTrace() {
        String trace = "5bf92f3577b34da6a3ce929d0e0e4736";
        try (TopicReader out = TopicReader.open(Topics.ENRICHED)) {
            sendTraced(
                    "arxiv:2601.00201",
                    raw("arxiv:2601.00201", "A traced paper", "Followed across services.")
                            .getBytes(StandardCharsets.UTF_8),
                    trace);
            assertThat(traceparent(out.awaitKey("arxiv:2601.00201")))
                    .startsWith("00-" + trace + "-")
                    .doesNotContain(Records.CALLER_SPAN);
        }
        // one span per record in this trace, the service's own (the channel's tracing is off), with the messaging
        // attributes
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(spans.getFinishedSpanItems().stream()
                                .filter(s -> s.getTraceId().equals(trace))
                                .filter(s -> s.getKind() == SpanKind.CONSUMER))
                        .singleElement()
                        .satisfies(s -> {
                            assertThat(s.getName()).isEqualTo(Topics.RESOLVED + " process");
                            assertThat(s.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")))
                                    .isEqualTo(Topics.RESOLVED);
                            assertThat(s.getAttributes().get(AttributeKey.longKey("messaging.kafka.message.offset")))
                                    .isNotNull();
                        }));
    }

    @Test
    void aDeadLetterCarriesThePoisonRecordsTrace() {
        String trace = "6bf92f3577b34da6a3ce929d0e0e4736";
        try (TopicReader dlq = TopicReader.open(Topics.RAW_DLQ)) {
            sendTraced("arxiv:2601.00202", "{not json".getBytes(StandardCharsets.UTF_8), trace);
            assertThat(traceparent(dlq.awaitKey("arxiv:2601.00202"))).startsWith("00-" + trace + "-");
        }
    }
}
