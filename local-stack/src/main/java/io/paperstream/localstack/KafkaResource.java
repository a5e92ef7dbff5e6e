package io.paperstream.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Quarkus test resource: a real Kafka broker for the test JVM and the paperstream topics on it.
 * By default the in-JVM KRaft broker; with {@code -Dpaperstream.containers=true} (Maven profile {@code containers})
 * the official {@code apache/kafka} image through Testcontainers.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {
    private static KafkaBroker broker;
    private static KafkaContainer container;

    @Override
    public synchronized Map<String, String> start() {
        String bootstrap;
        if (Boolean.getBoolean("paperstream.containers")) {
            container = new KafkaContainer(System.getProperty("paperstream.kafka.image", "apache/kafka:4.1.2"));
            container.start();
            bootstrap = container.getBootstrapServers();
        } else {
            broker = KafkaBroker.start();
            broker.createPaperstreamTopics(Topics.ALL, 3);
            bootstrap = broker.bootstrapServers();
        }
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (container != null) {
            container.stop();
            container = null;
        }
    }

    /** The in-JVM broker, for tests that stop and restart it (not available on the containers path). */
    public static KafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("the in-JVM Kafka broker is not running (containers path?)");
        }
        return broker;
    }
}
