package io.paperstream.query.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.paperstream.events.Topics;
import io.paperstream.query.store.PaperUpsert;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The store's hop of each paper's trace. A batch of papers.enriched records is one PostgreSQL transaction, but every
 * record carries its own paper's trace (W3C traceparent header, from the ingest request through enrich-service): after
 * the transaction committed, each stored paper gets a span "store papers.enriched" in its own trace, covering the
 * batch's time, and — at DEBUG on category {@code io.paperstream.query.stored} — a log line "stored &lt;id&gt;" with
 * that trace id. A dead letter carries the trace of the record it holds.
 */
@ApplicationScoped
public class PaperTraces {
    static final Logger STORED = Logger.getLogger("io.paperstream.query.stored");
    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(h -> keys.add(h.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final TextMapPropagator propagator;
    private final Tracer tracer;

    public PaperTraces(OpenTelemetry telemetry) {
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
        this.tracer = telemetry.getTracer("io.paperstream.query");
    }

    Batch batch() {
        return new Batch();
    }

    /** The trace contexts of one polled batch, by partition and offset. */
    final class Batch {
        private final Map<Long, Map<Integer, Context>> byOffset = new HashMap<>();

        void add(ConsumerRecord<?, ?> record) {
            if (record.headers().lastHeader("traceparent") == null) {
                return;
            }
            Context context = propagator.extract(Context.root(), record.headers(), HEADERS);
            if (Span.fromContext(context).getSpanContext().isValid()) {
                byOffset.computeIfAbsent(record.offset(), o -> new HashMap<>(2)).put(record.partition(), context);
            }
        }

        Context of(int partition, long offset) {
            Map<Integer, Context> partitions = byOffset.get(offset);
            Context context = partitions == null ? null : partitions.get(partition);
            return context == null ? Context.root() : context;
        }

        /** Adds the record's trace context to a dead letter's headers. */
        void inject(int partition, long offset, Headers headers) {
            propagator.inject(of(partition, offset), headers, (carrier, key, value) -> {
                carrier.remove(key);
                carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
            });
        }

        /** One span per stored paper, in that paper's trace, and its log line. */
        void stored(List<PaperUpsert> upserts, Instant startedAt) {
            boolean log = STORED.isDebugEnabled();
            if (byOffset.isEmpty() && !log) {
                return;
            }
            long start = TimeUnit.SECONDS.toNanos(startedAt.getEpochSecond()) + startedAt.getNano();
            for (PaperUpsert upsert : upserts) {
                Context parent = of(upsert.partition(), upsert.offset());
                Span span = tracer.spanBuilder("store " + Topics.ENRICHED)
                        .setParent(parent)
                        .setSpanKind(SpanKind.CONSUMER)
                        .setStartTimestamp(start, TimeUnit.NANOSECONDS)
                        .setAttribute("messaging.system", "kafka")
                        .setAttribute("messaging.destination.name", Topics.ENRICHED)
                        .setAttribute("messaging.kafka.offset", upsert.offset())
                        .setAttribute("db.system", "postgresql")
                        .setAttribute("db.operation.name", "upsert")
                        .setAttribute("db.collection.name", "paper")
                        .setAttribute("paperstream.paper.id", upsert.paper().id())
                        .setAttribute("paperstream.batch.size", upserts.size())
                        .startSpan();
                if (log) {
                    try (Scope ignored = span.makeCurrent()) {
                        Object traceId = MDC.get("traceId");
                        MDC.put("traceId", span.getSpanContext().getTraceId());
                        STORED.debugf(
                                "stored %s revision %d",
                                upsert.paper().id(), upsert.paper().revision());
                        if (traceId == null) {
                            MDC.remove("traceId");
                        } else {
                            MDC.put("traceId", traceId);
                        }
                    }
                }
                span.end();
            }
        }
    }
}
