package io.paperstream.enrich.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.paperstream.enrich.domain.Enricher;
import io.paperstream.events.CloudEvents;
import io.paperstream.events.DeadLetters;
import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.EventReader;
import io.paperstream.events.RawPaper;
import io.paperstream.events.Topics;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code papers.raw} → {@code papers.enriched}, same key, a polled batch at a time. Each record of the batch is
 * enriched and handed straight to the {@code papers-enriched} channel's Kafka producer (as ingest-service does: no
 * per-message bookkeeping); a record that cannot be enriched — invalid UTF-8 or JSON, a schema violation, a key that is
 * not the paper's id, or a bug — goes alone to {@code papers.raw.dlq} with its reason, and the rest of the batch flows.
 * Each output is sent as soon as its record is enriched (the producer batches and the broker stores while the rest of
 * the batch is enriched). The method returns, and so the batch's offsets become committable, only after the broker
 * acknowledged every output record of the batch (enriched and dead-lettered): at-least-once, the query side is
 * idempotent. When the broker does not acknowledge, the batch's outputs are sent again (same records, so a duplicate is
 * an upsert of the same revision) until it does. Tombstones pass through.
 */
@ApplicationScoped
public class RawPaperProcessor {
    static final String IN = "papers-raw";
    static final String OUT = "papers-enriched";
    static final String DLQ = "papers-raw-dlq";
    static final String CE_SOURCE = "/paperstream/enrich-service";
    private static final long ACK_TIMEOUT_MS = 60_000;

    private final Enricher enricher;
    private final KafkaClientService clients;
    private final String outTopic;
    private final String dlqTopic;
    private final Counter enriched;
    private final Counter tombstones;
    private final Counter failed;
    private final Counter resent;
    private final Tracer tracer;
    private final TextMapPropagator propagator;
    /** The channels' Kafka producers, looked up on first use (the same for the application's life). */
    private volatile Producer<String, EnrichedPaper> out;

    private volatile Producer<String, byte[]> dlq;

    /**
     * The emitters are not used to send: they make the two outgoing channels (and their producers, configured in
     * application.properties and watched by the health checks) exist.
     */
    public RawPaperProcessor(
            Enricher enricher,
            MeterRegistry registry,
            KafkaClientService clients,
            @Channel(OUT) MutinyEmitter<EnrichedPaper> out,
            @Channel(DLQ) MutinyEmitter<byte[]> dlq,
            @ConfigProperty(name = "mp.messaging.outgoing." + OUT + ".topic", defaultValue = Topics.ENRICHED)
                    String outTopic,
            @ConfigProperty(name = "mp.messaging.outgoing." + DLQ + ".topic", defaultValue = Topics.RAW_DLQ)
                    String dlqTopic,
            OpenTelemetry telemetry) {
        this.enricher = enricher;
        this.tracer = telemetry.getTracer("paperstream-enrich");
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
        this.clients = clients;
        this.outTopic = outTopic;
        this.dlqTopic = dlqTopic;
        this.enriched = registry.counter("paperstream.enrich.papers", "outcome", "enriched");
        this.tombstones = registry.counter("paperstream.enrich.papers", "outcome", "tombstone");
        this.failed = registry.counter("paperstream.enrich.papers", "outcome", "dead-lettered");
        this.resent = registry.counter("paperstream.enrich.batches.resent");
    }

    /** An output of one input record: an enriched paper (or tombstone) for papers.enriched, or a dead letter. */
    private record Output(ProducerRecord<String, EnrichedPaper> enriched, ProducerRecord<String, byte[]> deadLetter) {}

    /**
     * One polled batch, on a worker thread (enrichment is CPU work; each consumer of the channel handles its batches
     * in order, so the order per partition, and so per paper, is kept).
     */
    @Incoming(IN)
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        List<Output> outputs = new ArrayList<>(records.count());
        // the producer's own futures, waited for in turn at the end: no callback and no CompletableFuture per record
        // (run on the producer's network thread), and no tree of them for the batch
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.count());
        RuntimeException sendFailure = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            Output output = process(record);
            outputs.add(output);
            if (sendFailure == null) {
                // sent at once, so the producer batches and the broker stores while the rest is enriched
                try {
                    acks.add(send(output));
                } catch (RuntimeException e) {
                    sendFailure = e; // sent again with the rest below
                }
            }
        }
        long backoff = 200;
        while (true) {
            try {
                if (sendFailure != null) {
                    throw sendFailure;
                }
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ACK_TIMEOUT_MS);
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
                return;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                resent.increment();
                Log.warnf(
                        "the broker did not acknowledge a batch of %d records (%s); sending it again in %d ms",
                        outputs.size(), e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), backoff);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
                acks.clear();
                sendFailure = null;
                try {
                    for (Output output : outputs) {
                        acks.add(send(output));
                    }
                } catch (RuntimeException again) {
                    sendFailure = again;
                }
            }
        }
    }

    /** Hands one output to its producer; the future completes when the broker acknowledged it. */
    private Future<RecordMetadata> send(Output o) {
        if (o.enriched() != null) {
            Producer<String, EnrichedPaper> producer = out;
            if (producer == null) {
                out = producer = clients.<String, EnrichedPaper>getProducer(OUT).unwrap();
            }
            return producer.send(o.enriched());
        }
        Producer<String, byte[]> producer = dlq;
        if (producer == null) {
            dlq = producer = clients.<String, byte[]>getProducer(DLQ).unwrap();
        }
        return producer.send(o.deadLetter());
    }

    /** Reads the W3C trace context from a record's headers. */
    private static final TextMapGetter<ConsumerRecord<String, byte[]>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ConsumerRecord<String, byte[]> carrier) {
            List<String> keys = new ArrayList<>();
            carrier.headers().forEach(h -> keys.add(h.key()));
            return keys;
        }

        @Override
        public String get(ConsumerRecord<String, byte[]> carrier, String key) {
            var header = carrier == null ? null : carrier.headers().lastHeader(key);
            return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
        }
    };

    /**
     * Enriches one record in a span of the trace its headers carry (the channel's own tracing is off, and the producer
     * sends outside SmallRye's message tracing, so the trace is continued here: one span per record, with the
     * messaging attributes) and hands that span's context on in the output's headers.
     */
    private Output process(ConsumerRecord<String, byte[]> in) {
        Context parent = propagator.extract(Context.root(), in, HEADERS);
        Span span = tracer.spanBuilder(in.topic() + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation", "process")
                .setAttribute("messaging.destination.name", in.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(in.partition()))
                .setAttribute("messaging.kafka.message.offset", in.offset())
                .startSpan();
        try {
            Output output;
            try {
                output = new Output(enrich(in.key(), in.value()), null);
            } catch (RuntimeException e) {
                failed.increment();
                Log.warnf(
                        "dead-lettering a papers.raw record (partition %d, offset %d): %s",
                        in.partition(), in.offset(), e.getMessage());
                output = new Output(null, deadLetter(in, e));
            }
            var headers = output.enriched() != null
                    ? output.enriched().headers()
                    : output.deadLetter().headers();
            headers.remove("traceparent");
            headers.remove("tracestate");
            propagator.inject(
                    parent.with(span),
                    headers,
                    (carrier, key, value) -> carrier.add(key, value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return output;
        } finally {
            span.end();
        }
    }

    ProducerRecord<String, EnrichedPaper> enrich(String key, byte[] value) {
        if (key == null) {
            throw new IllegalArgumentException("record has no key; papers.raw records are keyed by paper id");
        }
        if (value == null) {
            tombstones.increment();
            return new ProducerRecord<>(outTopic, key, null);
        }
        RawPaper raw = parse(key, value);
        EnrichedPaper paper = enricher.enrich(raw, Instant.now());
        enriched.increment();
        RecordHeaders headers = new RecordHeaders();
        Map<String, byte[]> ce = CloudEvents.headers(
                Topics.ENRICHED_TYPE, CE_SOURCE, paper.id(), paper.enrichment().enrichedAt());
        ce.forEach(headers::add);
        return new ProducerRecord<>(outTopic, null, key, paper, headers);
    }

    /** The original key and bytes, with the dead-letter headers of {@link DeadLetters}. */
    private ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> in, RuntimeException e) {
        RecordHeaders headers = new RecordHeaders();
        DeadLetters.headers(e.getMessage(), e, in.topic(), in.partition(), in.offset())
                .forEach(headers::add);
        return new ProducerRecord<>(dlqTopic, null, in.key(), in.value(), headers);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** One record of the input topic as a paper ({@link EventReader}: the same checks and reasons as every consumer). */
    static RawPaper parse(String key, byte[] value) {
        return EventReader.raw(key, value);
    }
}
