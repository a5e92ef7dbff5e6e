package io.paperstream.enrich.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.paperstream.enrich.domain.Enricher;
import io.paperstream.events.CloudEvents;
import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.PaperJson;
import io.paperstream.events.PaperSchemas;
import io.paperstream.events.RawPaper;
import io.paperstream.events.Topics;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code papers.raw} → {@code papers.enriched}, same key. The outgoing record is acknowledged by the broker before the
 * incoming offset is committed (at-least-once; the query side is idempotent). Anything that cannot be enriched —
 * invalid UTF-8 or JSON, a schema violation, a key that is not the paper's id, or a bug — is nacked with its reason and
 * lands on {@code papers.raw.dlq} (dead-letter-queue strategy); the partition moves on. Tombstones pass through.
 */
@ApplicationScoped
public class RawPaperProcessor {
    static final String IN = "papers-raw";
    static final String OUT = "papers-enriched";
    static final String CE_SOURCE = "/paperstream/enrich-service";

    private final Enricher enricher;
    private final Counter enriched;
    private final Counter tombstones;
    private final Counter failed;

    public RawPaperProcessor(Enricher enricher, MeterRegistry registry) {
        this.enricher = enricher;
        this.enriched = registry.counter("paperstream.enrich.papers", "outcome", "enriched");
        this.tombstones = registry.counter("paperstream.enrich.papers", "outcome", "tombstone");
        this.failed = registry.counter("paperstream.enrich.papers", "outcome", "dead-lettered");
    }

    /**
     * One record in, zero or one out. A record that cannot be enriched is nacked here with its reason (the channel's
     * dead-letter-queue strategy then writes it to papers.raw.dlq) and nothing goes out for it; throwing instead would
     * fail the whole stream.
     */
    @Incoming(IN)
    @Outgoing(OUT)
    public Multi<Message<Record<String, EnrichedPaper>>> process(Message<byte[]> in) {
        Message<Record<String, EnrichedPaper>> out;
        try {
            out = enrich(in);
        } catch (RuntimeException e) {
            failed.increment();
            Log.warnf("dead-lettering a papers.raw record: %s", e.getMessage());
            return Uni.createFrom().completionStage(in.nack(e)).toMulti()
                    .onItem().transformToMultiAndConcatenate(ignored -> Multi.createFrom().empty());
        }
        return Multi.createFrom().item(out);
    }

    Message<Record<String, EnrichedPaper>> enrich(Message<byte[]> in) {
        String key = in.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> (String) m.getKey()).orElse(null);
        if (key == null) {
            throw new IllegalArgumentException("record has no key; papers.raw records are keyed by paper id");
        }
        byte[] value = in.getPayload();
        if (value == null) {
            tombstones.increment();
            return in.withPayload(Record.<String, EnrichedPaper>of(key, null));
        }
        RawPaper raw = parse(key, value);
        EnrichedPaper paper = enricher.enrich(raw, Instant.now());
        enriched.increment();
        RecordHeaders headers = new RecordHeaders();
        Map<String, byte[]> ce = CloudEvents.headers(Topics.ENRICHED_TYPE, CE_SOURCE, paper.id(), paper.enrichment().enrichedAt());
        ce.forEach(headers::add);
        return in.withPayload(Record.of(key, paper))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build());
    }

    static RawPaper parse(String key, byte[] value) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("value is not valid UTF-8");
        }
        JsonNode json;
        try {
            json = PaperJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("value is not JSON: " + e.getMessage());
        }
        List<String> violations = PaperSchemas.validateRaw(json);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("value violates the RawPaper v1 schema: " + String.join("; ", violations));
        }
        RawPaper raw;
        try {
            raw = PaperJson.mapper().treeToValue(json, RawPaper.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("value is not a RawPaper: " + e.getMessage());
        }
        if (!key.equals(raw.id())) {
            throw new IllegalArgumentException("record key '" + key + "' differs from the paper id '" + raw.id() + "'");
        }
        return raw;
    }
}
