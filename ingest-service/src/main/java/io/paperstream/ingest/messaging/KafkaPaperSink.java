package io.paperstream.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.paperstream.events.CloudEvents;
import io.paperstream.events.PaperJson;
import io.paperstream.events.RawPaper;
import io.paperstream.events.Topics;
import io.paperstream.ingest.config.IngestConfig;
import io.paperstream.ingest.domain.PaperSink;
import io.paperstream.ingest.domain.PublishFailedException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Publishes papers to {@code papers.raw}: key = paper id, CloudEvents binary-mode headers, and waits for the
 * broker's acknowledgement ({@code acks=all}) of every record, within a bounded time.
 */
@ApplicationScoped
public class KafkaPaperSink implements PaperSink {
    /** The outgoing channel; its topic is {@link Topics#RAW}. */
    public static final String CHANNEL = "papers-raw";

    private final MutinyEmitter<byte[]> emitter;
    private final Duration timeout;
    private final String eventSource;

    public KafkaPaperSink(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
                          MutinyEmitter<byte[]> emitter, IngestConfig config) {
        this.emitter = emitter;
        this.timeout = config.publishTimeout();
        this.eventSource = config.eventSource();
    }

    @Override
    public void publish(List<RawPaper> papers) {
        send(papers).await();
    }

    /** Sends the chunk now (in list order, so order per key is kept); the handle waits for its acknowledgements. */
    @Override
    public Pending send(List<RawPaper> papers) {
        String what = papers.size() == 1 ? "1 paper" : papers.size() + " papers";
        CompletableFuture<Void> acked;
        try {
            // MutinyEmitter sends on subscription: joining subscribes in list order.
            List<Uni<Void>> acks = papers.stream()
                    .map(p -> emitter.sendMessage(message(p.id(), json(p), p.ingestedAt())))
                    .toList();
            acked = Uni.join().all(acks).andFailFast().replaceWithVoid().subscribeAsCompletionStage();
        } catch (RuntimeException e) {
            throw failed(what, e);
        }
        return () -> await(() -> Uni.createFrom().completionStage(acked), what);
    }

    /** A tombstone (null value) for the id: downstream, the paper is deleted. */
    public void tombstone(String id) {
        await(() -> emitter.sendMessage(message(id, null, Instant.now())), "the tombstone of " + id);
    }

    /** The contract's JSON of a paper (ISO dates), as the value of its record. */
    private static byte[] json(RawPaper paper) {
        try {
            return PaperJson.mapper().writeValueAsBytes(paper);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise paper " + paper.id(), e);
        }
    }

    private Message<byte[]> message(String id, byte[] paper, Instant time) {
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.headers(Topics.RAW_TYPE, eventSource, id, time).forEach(headers::add);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(id)
                .withHeaders(headers)
                .build();
        return Message.of(paper).addMetadata(metadata);
    }

    private void await(Supplier<Uni<Void>> send, String what) {
        try {
            send.get().await().atMost(timeout);
        } catch (RuntimeException e) {
            throw failed(what, e);
        }
    }

    private PublishFailedException failed(String what, RuntimeException e) {
        return new PublishFailedException("Kafka did not acknowledge " + what + " within " + timeout.toSeconds()
                + " s (" + rootMessage(e).replaceAll("[.\\s]+$", "") + ")", e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
