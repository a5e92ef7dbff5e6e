package io.paperstream.examples;

import io.paperstream.events.CloudEvents;
import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.Link;
import io.paperstream.events.LinkKind;
import io.paperstream.events.PaperJson;
import io.paperstream.events.RawPaper;
import io.paperstream.events.Tag;
import io.paperstream.events.Topics;
import io.paperstream.localstack.KafkaBroker;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes papers.enriched records as enrich-service does: the value JSON of paper-events, CloudEvents headers. */
final class Records implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final String topic;

    Records(KafkaBroker broker, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
    }

    static String paper(String id, long revision, String title, String tag) {
        RawPaper raw = new RawPaper(
                id,
                revision,
                title,
                "An abstract of " + title + ".",
                List.of("Ada Lovelace"),
                null,
                null,
                null,
                null,
                List.of("cs.LG"),
                null,
                null,
                null,
                new RawPaper.Source("json", "test"),
                Instant.parse("2026-01-01T00:00:00Z"));
        EnrichedPaper enriched = new EnrichedPaper(
                id,
                revision,
                raw,
                List.of(new Tag(tag, 1.0, null, List.of(tag), Tag.ORIGIN_TAXONOMY)),
                List.of(new Link(
                        "https://github.com/me/mine", LinkKind.CODE, "github.com", "me/mine", Link.ORIGIN_TEXT)),
                List.of("keyphrase"),
                new EnrichedPaper.Enrichment("1.0.0", "2026.1", Instant.now()));
        try {
            return PaperJson.mapper().writeValueAsString(enriched);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends one record (value null: a tombstone) and waits for the broker's acknowledgement. */
    void send(String key, String value) {
        send(key, value, Topics.ENRICHED_TYPE);
    }

    /** Sends one record with the given CloudEvents type (value null: a tombstone) and waits for the acknowledgement. */
    void send(String key, String value, String type) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        CloudEvents.headers(type, "/paperstream/enrich-service", key, Instant.now())
                .forEach((name, bytes) -> record.headers().add(name, bytes));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
