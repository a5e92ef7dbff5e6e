package io.paperstream.testsupport;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The broker of the running {@code @QuarkusTest} app (local-stack's {@code KafkaResource}), through one KafkaCompanion
 * per broker: a new app start with a new broker (another test profile) gets a new companion, the old one is closed.
 */
public final class TestKafka {
    /** How long a test waits for what the service writes to a topic. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private static KafkaCompanion companion;
    private static String connectedTo;

    private TestKafka() {}

    /** The {@code kafka.bootstrap.servers} the test resource gave the running app. */
    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** The companion of the running app's broker. */
    public static synchronized KafkaCompanion companion() {
        String bootstrap = bootstrapServers();
        if (companion == null || !bootstrap.equals(connectedTo)) {
            if (companion != null) {
                // its broker is gone with the app that had it: close its clients without waiting on them
                KafkaCompanion old = companion;
                Thread closer = new Thread(old::close, "kafka-companion-close");
                closer.setDaemon(true);
                closer.start();
            }
            companion = new KafkaCompanion(bootstrap);
            connectedTo = bootstrap;
        }
        return companion;
    }

    /** Produces string records and waits until the broker acknowledged them all. */
    @SafeVarargs
    public static void send(ProducerRecord<String, String>... records) {
        send(Arrays.asList(records));
    }

    /** Produces string records, in order, and waits until the broker acknowledged them all. */
    public static void send(List<ProducerRecord<String, String>> records) {
        companion().produceStrings().fromRecords(records).awaitCompletion();
    }

    /** Produces one string record (a null value is a tombstone) and waits for the acknowledgement. */
    public static void send(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    /**
     * Produces one record of raw bytes (not UTF-8, not JSON: what a poison record may be; null is a tombstone) with the
     * given headers (may be null) and waits for the acknowledgement.
     */
    public static void sendBytes(String topic, String key, byte[] value, Headers headers) {
        companion()
                .produce(String.class, byte[].class)
                .fromRecords(new ProducerRecord<>(topic, null, key, value, headers))
                .awaitCompletion();
    }
}
