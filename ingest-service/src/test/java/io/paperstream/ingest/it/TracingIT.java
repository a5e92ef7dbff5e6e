package io.paperstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.paperstream.testsupport.TopicMark;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The first hop of a paper's trace: the ingest request joins the caller's trace (W3C traceparent) and every record it
 * publishes to papers.raw carries that trace in its headers, on the direct producer path (JSON, NDJSON) and on the
 * emitter's (tombstones).
 */
@IngestIT
class TracingIT {
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String CALLER_SPAN = "00f067aa0ba902b7";

    @Inject
    InMemorySpanExporter spans;

    @Test
    void everyPublishedRecordCarriesTheRequestsTrace() {
        TopicMark mark = RawTopic.mark();
        Api.json()
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                .body("[" + Api.paper("Traced one " + UUID.randomUUID()) + ","
                        + Api.paper("Traced two " + UUID.randomUUID()) + "]")
                .post(Api.PAPERS)
                .then()
                .statusCode(202);
        List<ConsumerRecord<String, String>> records = mark.awaitRecords(2);
        assertThat(records).hasSize(2).allSatisfy(r -> {
            String traceparent = KafkaCompanion.getHeader(r.headers(), "traceparent");
            assertThat(traceparent).as("W3C trace context header").matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
            assertThat(traceparent)
                    .as("a span of the service, child of the caller's")
                    .doesNotContain(CALLER_SPAN);
        });
        // the service's own span of the request is in the same trace, a child of the caller's span
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                        .filteredOn(s -> s.getTraceId().equals(TRACE_ID))
                        .anySatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(CALLER_SPAN)));
        String parentOfRecords = KafkaCompanion.getHeader(records.get(0).headers(), "traceparent")
                .split("-")[2];
        assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getSpanId).contains(parentOfRecords);
    }

    @Test
    void aTombstoneCarriesTheRequestsTrace() {
        String trace = "0af7651916cd43dd8448eb211c80319c";
        TopicMark mark = RawTopic.mark();
        Api.authorized()
                .header("traceparent", "00-" + trace + "-b7ad6b7169203331-01")
                .delete(Api.PAPERS + "/arxiv:2409.99999")
                .then()
                .statusCode(202);
        ConsumerRecord<String, String> tombstone = mark.awaitRecords(1).get(0);
        assertThat(tombstone.value()).isNull();
        assertThat(KafkaCompanion.getHeader(tombstone.headers(), "traceparent")).startsWith("00-" + trace + "-");
    }

    @Test
    void withoutACallerTheRequestStartsATrace() {
        TopicMark mark = RawTopic.mark();
        Api.json()
                .body(Api.paper("Untraced caller " + UUID.randomUUID()))
                .post(Api.PAPERS)
                .then()
                .statusCode(202);
        String traceparent =
                KafkaCompanion.getHeader(mark.awaitRecords(1).get(0).headers(), "traceparent");
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }
}
