package io.paperstream.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.paperstream.events.CloudEvents;
import io.paperstream.events.PaperJson;
import io.paperstream.events.RawPaper;
import io.paperstream.events.Topics;
import io.paperstream.ingest.config.IngestConfig;
import io.paperstream.ingest.domain.PaperSink;
import io.paperstream.ingest.domain.PublishFailedException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes papers to {@code papers.raw}: key = paper id, CloudEvents binary-mode headers, and waits for the
 * broker's acknowledgement ({@code acks=all}) of every record, within a bounded time.
 *
 * <p>Papers go straight to the channel's own Kafka producer (same configuration, same client, same health check)
 * from the request threads, with one callback per record. Through the emitter every paper was a {@code Message} with
 * metadata, a {@code Uni} and context-propagation wrappers, funnelled through the connector's single sending thread;
 * at tens of thousands of papers per second that bookkeeping cost more CPU than validating the papers. The emitter
 * stays for tombstones, one record per request.
 */
@ApplicationScoped
public class KafkaPaperSink implements PaperSink {
    /** The outgoing channel; its topic is {@link Topics#RAW}. */
    public static final String CHANNEL = "papers-raw";

    private final MutinyEmitter<byte[]> emitter;
    private final KafkaClientService clients;
    private final String topic;
    private final Duration timeout;
    private final long maxBlockNanos;
    private final String eventSource;
    private final TextMapPropagator propagator;

    public KafkaPaperSink(
            @Channel(CHANNEL) MutinyEmitter<byte[]> emitter,
            KafkaClientService clients,
            @ConfigProperty(name = "mp.messaging.outgoing." + CHANNEL + ".topic", defaultValue = Topics.RAW)
                    String topic,
            IngestConfig config,
            OpenTelemetry telemetry,
            @ConfigProperty(name = "mp.messaging.outgoing." + CHANNEL + ".max.block.ms", defaultValue = "60000")
                    long maxBlockMs) {
        this.emitter = emitter;
        this.clients = clients;
        this.topic = topic;
        this.timeout = config.publishTimeout();
        this.maxBlockNanos = TimeUnit.MILLISECONDS.toNanos(maxBlockMs);
        this.eventSource = config.eventSource();
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
    }

    @Override
    public void publish(List<RawPaper> papers) {
        send(papers).await();
    }

    /**
     * Hands the chunk to the producer now, in list order (so the order per key is kept); the handle waits until the
     * broker acknowledged every record, or the first failure. The publish timeout counts from here: the chunk fails
     * when it is not acknowledged within it, however the time went (a send blocked on missing metadata, a full
     * buffer, or the wait for acknowledgements); no record is handed over after the first failure, or so late that its
     * own blocking ({@code max.block.ms}) could outlast the timeout.
     */
    @Override
    public Pending send(List<RawPaper> papers) {
        String what = papers.size() == 1 ? "1 paper" : papers.size() + " papers";
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastSend = deadline - Math.min(maxBlockNanos, timeout.toNanos() / 2);
        Acknowledgements acks = new Acknowledgements(papers.size());
        try {
            // the connector's producer for this channel (a map lookup, once per chunk)
            Producer<String, byte[]> kafka =
                    clients.<String, byte[]>getProducer(CHANNEL).unwrap();
            // the request's trace context (W3C traceparent/tracestate), the same for every paper of the chunk: each
            // paper's trace goes on from this request through enrich-service to the store
            Map<String, byte[]> trace = traceHeaders();
            for (RawPaper paper : papers) {
                if (acks.all.isCompletedExceptionally()) {
                    break; // the handle reports the failure
                }
                if (System.nanoTime() > lastSend) {
                    throw new IllegalStateException("the producer blocked (no metadata or buffer space)");
                }
                ProducerRecord<String, byte[]> record = record(paper.id(), json(paper), paper.ingestedAt());
                trace.forEach(record.headers()::add);
                kafka.send(record, acks);
            }
        } catch (RuntimeException e) { // e.g. no metadata or no buffer space within max.block.ms
            throw failed(what, e);
        }
        return () -> await(acks.all, what, deadline);
    }

    /** A tombstone (null value) for the id: downstream, the paper is deleted. */
    @Override
    public void tombstone(String id) {
        String what = "the tombstone of " + id;
        try {
            emitter.sendMessage(Message.of((byte[]) null)
                            .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                    .withKey(id)
                                    .withHeaders(headers(id, Instant.now()))
                                    .build()))
                    .await()
                    .atMost(timeout);
        } catch (RuntimeException e) {
            throw failed(what, e);
        }
    }

    /** The contract's JSON of a paper (ISO dates), as the value of its record. */
    private static byte[] json(RawPaper paper) {
        try {
            return PaperJson.mapper().writeValueAsBytes(paper);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise paper " + paper.id(), e);
        }
    }

    private ProducerRecord<String, byte[]> record(String id, byte[] paper, Instant time) {
        return new ProducerRecord<>(topic, null, id, paper, headers(id, time));
    }

    /** The current trace context as Kafka headers (W3C Trace Context), empty outside a trace. */
    Map<String, byte[]> traceHeaders() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        propagator.inject(
                Context.current(),
                headers,
                (carrier, key, value) -> carrier.put(key, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    private RecordHeaders headers(String id, Instant time) {
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.headers(Topics.RAW_TYPE, eventSource, id, time).forEach(headers::add);
        return headers;
    }

    private void await(CompletableFuture<Void> acked, String what, long deadline) {
        try {
            acked.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(what, new IllegalStateException("interrupted", e));
        } catch (ExecutionException e) {
            throw failed(
                    what, e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw failed(what, new IllegalStateException("no acknowledgement", e));
        }
    }

    private PublishFailedException failed(String what, RuntimeException e) {
        return new PublishFailedException(
                "Kafka did not acknowledge " + what + " within " + timeout.toSeconds() + " s ("
                        + rootMessage(e).replaceAll("[.\\s]+$", "") + ")",
                e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }

    /** Completes when every record of a chunk is acknowledged, or exceptionally with the first failure. */
    private static final class Acknowledgements implements Callback {
        final CompletableFuture<Void> all = new CompletableFuture<>();
        private final AtomicInteger missing;

        Acknowledgements(int records) {
            missing = new AtomicInteger(records);
            if (records == 0) {
                all.complete(null);
            }
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception failure) {
            if (failure != null) {
                all.completeExceptionally(failure);
            } else if (missing.decrementAndGet() == 0) {
                all.complete(null);
            }
        }
    }
}
