package io.paperstream.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.paperstream.events.Topics;
import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * The store's hop keeps a paper's trace: a papers.enriched record's W3C traceparent becomes the parent of the span of
 * its PostgreSQL write, and a dead letter carries the refused record's trace.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class QueryTracingIT {
    @Inject
    InMemorySpanExporter spans;

    static RecordHeaders traced(String traceId) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    @Test
    void theWriteOfAPaperIsASpanOfItsTrace() {
        String trace = "7bf92f3577b34da6a3ce929d0e0e4736";
        try (Feed feed = new Feed()) {
            var paper = Papers.paper(
                    "arxiv:2607.00001",
                    1,
                    "A traced store",
                    "Written under its trace.",
                    LocalDate.of(2025, 7, 1),
                    List.of("tracing-it"),
                    List.of());
            feed.kafka()
                    .produceStrings()
                    .fromRecords(List.of(
                            new ProducerRecord<>(Topics.ENRICHED, null, paper.id(), Papers.json(paper), traced(trace))))
                    .awaitCompletion();
            Feed.awaitTagged("tracing-it", 1);
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                        .filteredOn(s -> s.getName().equals("store papers.enriched"))
                        .filteredOn(s -> "arxiv:2607.00001"
                                .equals(s.getAttributes().asMap().entrySet().stream()
                                        .filter(e -> e.getKey().getKey().equals("paperstream.paper.id"))
                                        .map(e -> e.getValue().toString())
                                        .findFirst()
                                        .orElse(null)))
                        .singleElement()
                        .satisfies(s -> {
                            assertThat(s.getTraceId()).isEqualTo(trace);
                            assertThat(s.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
                        }));
    }

    @Test
    void aDeadLetterCarriesTheRefusedRecordsTrace() {
        String trace = "8bf92f3577b34da6a3ce929d0e0e4736";
        try (Feed feed = new Feed()) {
            ConsumerTask<String, String> dlq = feed.kafka().consumeStrings().fromTopics("papers.enriched.dlq");
            feed.kafka()
                    .produceStrings()
                    .fromRecords(List.of(new ProducerRecord<>(
                            Topics.ENRICHED, null, "arxiv:2607.00002", "{not json", traced(trace))))
                    .awaitCompletion();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> dlq.getRecords().stream().anyMatch(r -> "arxiv:2607.00002".equals(r.key())));
            dlq.stop();
            var record = dlq.getRecords().stream()
                    .filter(r -> "arxiv:2607.00002".equals(r.key()))
                    .findFirst()
                    .orElseThrow();
            assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                    .startsWith("00-" + trace + "-");
        }
    }

    static String name(SpanData span) {
        return span.getName();
    }
}
