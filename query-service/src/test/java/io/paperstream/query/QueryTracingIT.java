package io.paperstream.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.paperstream.events.Topics;
import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.PostgresResource;
import io.paperstream.testsupport.Records;
import io.paperstream.testsupport.TestKafka;
import io.paperstream.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
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
            TestKafka.send(
                    new ProducerRecord<>(Topics.ENRICHED, null, paper.id(), Papers.json(paper), Records.traced(trace)));
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
                            assertThat(s.getParentSpanId()).isEqualTo(Records.CALLER_SPAN);
                        }));
    }

    @Test
    void aDeadLetterCarriesTheRefusedRecordsTrace() {
        String trace = "8bf92f3577b34da6a3ce929d0e0e4736";
        try (TopicReader dlq = TopicReader.open(Topics.ENRICHED_DLQ)) {
            TestKafka.send(new ProducerRecord<>(
                    Topics.ENRICHED, null, "arxiv:2607.00002", "{not json", Records.traced(trace)));
            assertThat(Records.traceparent(dlq.awaitKey("arxiv:2607.00002"))).startsWith("00-" + trace + "-");
        }
    }

    static String name(SpanData span) {
        return span.getName();
    }
}
