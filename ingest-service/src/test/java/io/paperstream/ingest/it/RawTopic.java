package io.paperstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.events.CloudEvents;
import io.paperstream.events.Topics;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;

/** The topic papers.raw seen through KafkaCompanion: end offsets ("marks") and the records written after a mark. */
final class RawTopic {
    private static KafkaCompanion companion;

    private RawTopic() {}

    static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion =
                    new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        }
        return companion;
    }

    /** The end offset of each partition now. */
    static Map<TopicPartition, Long> mark() {
        int partitions = companion()
                .topics()
                .describe(Topics.RAW)
                .get(Topics.RAW)
                .partitions()
                .size();
        Map<TopicPartition, OffsetSpec> specs = IntStream.range(0, partitions)
                .boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(Topics.RAW, p), p -> OffsetSpec.latest()));
        return companion().offsets().list(specs).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Waits for (at least) {@code count} records written after the mark, and returns them. */
    static List<ConsumerRecord<String, String>> awaitAfter(Map<TopicPartition, Long> mark, int count) {
        return companion()
                .consumeStrings()
                .fromOffsets(mark, count)
                .awaitCompletion(Duration.ofSeconds(30))
                .getRecords();
    }

    /** The record carries the CloudEvents binary-mode headers of a papers.raw event about its key. */
    static void assertCloudEvents(ConsumerRecord<String, String> record) {
        assertThat(KafkaCompanion.getHeader(record.headers(), CloudEvents.SPEC_VERSION))
                .isEqualTo("1.0");
        assertThat(KafkaCompanion.getHeader(record.headers(), CloudEvents.TYPE)).isEqualTo(Topics.RAW_TYPE);
        assertThat(KafkaCompanion.getHeader(record.headers(), CloudEvents.SOURCE))
                .isEqualTo("/paperstream/ingest-service");
        assertThat(KafkaCompanion.getHeader(record.headers(), CloudEvents.SUBJECT))
                .isEqualTo(record.key());
        assertThat(KafkaCompanion.getHeader(record.headers(), CloudEvents.ID)).isNotBlank();
        assertThat(KafkaCompanion.getHeader(record.headers(), CloudEvents.TIME)).isNotBlank();
    }

    static long written(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        return to.entrySet().stream()
                .mapToLong(e -> e.getValue() - from.getOrDefault(e.getKey(), 0L))
                .sum();
    }
}
