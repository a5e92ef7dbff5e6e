package io.paperstream.testsupport;

import static org.awaitility.Awaitility.await;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A topic read from its start in the background while the test runs, for the records the service writes: by key,
 * within a deadline ({@link TestKafka#DEADLINE} unless given). Open it before producing what the service reads, and
 * close it (try-with-resources) once the test has what it waits for.
 */
public final class TopicReader implements AutoCloseable {
    private final String topic;
    private final ConsumerTask<String, String> task;

    private TopicReader(String topic, ConsumerTask<String, String> task) {
        this.topic = topic;
        this.task = task;
    }

    /** Starts reading the topic (string keys and values) on the running app's broker. */
    public static TopicReader open(String topic) {
        return new TopicReader(topic, TestKafka.companion().consumeStrings().fromTopics(topic));
    }

    /** The records read so far. */
    public List<ConsumerRecord<String, String>> records() {
        return task.getRecords();
    }

    /** The first record read so far with this key. */
    public Optional<ConsumerRecord<String, String>> find(String key) {
        return records().stream().filter(r -> key.equals(r.key())).findFirst();
    }

    /** Whether a record with this key has been read. */
    public boolean has(String key) {
        return find(key).isPresent();
    }

    /** Whether records with all these keys have been read. */
    public boolean hasAll(Collection<String> keys) {
        return keys.stream().allMatch(this::has);
    }

    /** Waits (at most {@link TestKafka#DEADLINE}) for the first record with this key and returns it. */
    public ConsumerRecord<String, String> awaitKey(String key) {
        return awaitKey(key, TestKafka.DEADLINE);
    }

    /** Waits at most {@code deadline} for the first record with this key and returns it. */
    public ConsumerRecord<String, String> awaitKey(String key, Duration deadline) {
        await("a record with key " + key + " on " + topic).atMost(deadline).until(() -> has(key));
        return find(key).orElseThrow();
    }

    /** Waits (at most {@link TestKafka#DEADLINE}) until records with all these keys have been read. */
    public void awaitKeys(String... keys) {
        List<String> all = Arrays.asList(keys);
        await("records with keys " + all + " on " + topic)
                .atMost(TestKafka.DEADLINE)
                .until(() -> hasAll(all));
    }

    /** Stops reading; what was read stays in {@link #records()}. */
    @Override
    public void close() {
        task.stop();
    }
}
