package io.paperstream.testsupport;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The end offset of each partition of a topic at one moment: the records written after it are the test's own, however
 * many other tests of the same app wrote before.
 */
public final class TopicMark {
    private final String topic;
    private final Map<TopicPartition, Long> offsets;

    private TopicMark(String topic, Map<TopicPartition, Long> offsets) {
        this.topic = topic;
        this.offsets = offsets;
    }

    /** The topic's end offsets now, on the running app's broker. */
    public static TopicMark now(String topic) {
        return new TopicMark(topic, endOffsets(topic));
    }

    public Map<TopicPartition, Long> offsets() {
        return offsets;
    }

    /** Waits (at most {@link TestKafka#DEADLINE}) for {@code count} records written after the mark; returns them. */
    public List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> awaitRecords(int count) {
        return TestKafka.companion()
                .consumeStrings()
                .fromOffsets(offsets, count)
                .awaitCompletion(TestKafka.DEADLINE)
                .getRecords();
    }

    /** How many records have been written to the topic since the mark (now, without waiting). */
    public long written() {
        Map<TopicPartition, Long> now = endOffsets(topic);
        return now.entrySet().stream()
                .mapToLong(e -> e.getValue() - offsets.getOrDefault(e.getKey(), 0L))
                .sum();
    }

    private static Map<TopicPartition, Long> endOffsets(String topic) {
        KafkaCompanion kafka = TestKafka.companion();
        int partitions = kafka.topics().describe(topic).get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> specs = IntStream.range(0, partitions)
                .boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
        return kafka.offsets().list(specs).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
