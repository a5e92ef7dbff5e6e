package io.paperstream.ingest.sources;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * One harvesting instance across replicas, and where it keeps its checkpoints: a compacted topic of ONE partition,
 * consumed by a consumer group. Kafka assigns that partition to one member of the group at a time; the member holding
 * it is the harvester. On assignment it reads the topic from the beginning to its end (the latest checkpoint of each
 * source), then {@link Holder#acquired} starts harvesting; when the partition is revoked or lost (a rebalance, this
 * pod stopping, a missed heartbeat) {@link Holder#lost} stops the harvest and returns only once it has stopped, so the
 * next member is assigned the partition after this one let go (cooperative rebalancing: members joining do not move
 * it). Checkpoints are written by a producer (acks=all) to the same partition; a value is durable once
 * {@link Checkpoints#put} returns.
 *
 * <p>The consumer is polled continuously on its own thread (group membership needs it), never by the harvesters.
 */
public final class KafkaLease implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KafkaLease.class);

    /** The harvesting side: started with the checkpoints when the lease is acquired, stopped when it is lost. */
    public interface Holder {
        void acquired(Checkpoints checkpoints);

        /** Stops harvesting; returns once nothing runs any more. */
        void lost();
    }

    private static final java.util.concurrent.atomic.AtomicInteger INSTANCES =
            new java.util.concurrent.atomic.AtomicInteger();
    private final String clientSuffix = "-" + INSTANCES.incrementAndGet();
    private final Map<String, Object> kafka;
    private final String topic;
    private final String group;
    private final Holder holder;
    private final TopicPartition partition;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean held;
    private KafkaConsumer<String, String> consumer;
    private KafkaProducer<String, String> producer;
    private Map<String, String> loading;
    private long loadEnd;

    public KafkaLease(Map<String, Object> kafka, String topic, String group, Holder holder) {
        this.kafka = Map.copyOf(kafka);
        this.topic = topic;
        this.group = group;
        this.holder = holder;
        this.partition = new TopicPartition(topic, 0);
        this.thread = new Thread(this::run, "paperstream-sources-lease");
        this.thread.setDaemon(true);
    }

    public KafkaLease start() {
        thread.start();
        return this;
    }

    public boolean held() {
        return held;
    }

    private void run() {
        try {
            ensureTopic();
            producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
            consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(topic), new Listener());
            while (!closed) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (loading != null && record.key() != null) {
                        if (record.value() == null) {
                            loading.remove(record.key());
                        } else {
                            loading.put(record.key(), record.value());
                        }
                    }
                }
                if (loading != null && consumer.position(partition) >= loadEnd) {
                    Map<String, String> checkpoints = new ConcurrentHashMap<>(loading);
                    loading = null;
                    held = true;
                    LOG.infof(
                            "sources: this instance holds the harvesting lease (%s, group %s); %d checkpoints",
                            topic, group, checkpoints.size());
                    holder.acquired(new TopicCheckpoints(checkpoints));
                }
            }
        } catch (WakeupException e) {
            // close()
        } catch (RuntimeException e) {
            LOG.errorf(
                    e, "sources: the harvesting lease failed (%s); harvesting stops on this instance", e.getMessage());
        } finally {
            release();
            if (consumer != null) {
                try {
                    consumer.close(Duration.ofSeconds(10));
                } catch (RuntimeException ignored) {
                    // leaving the group is best effort; the session times out otherwise
                }
            }
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
        }
    }

    private void release() {
        loading = null;
        if (held) {
            held = false;
            LOG.infof("sources: this instance gives up the harvesting lease");
            holder.lost();
        }
    }

    /** Creates the checkpoint topic (compacted, one partition) unless it exists or the client may not. */
    private void ensureTopic() {
        try (Admin admin = Admin.create(adminConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                            .configs(Map.of("cleanup.policy", "compact"))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            LOG.infof("sources: created the checkpoint topic %s", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warnf(
                        "sources: could not create the checkpoint topic %s (%s); expecting it to exist",
                        topic,
                        e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            }
        } catch (TimeoutException e) {
            LOG.warnf("sources: creating the checkpoint topic %s timed out; expecting it to exist", topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (consumer != null) {
            consumer.wakeup();
        }
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.contains(partition)) {
                consumer.seekToBeginning(List.of(partition));
                loadEnd = consumer.endOffsets(List.of(partition)).getOrDefault(partition, 0L);
                loading = new HashMap<>();
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.contains(partition)) {
                release();
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (partitions.contains(partition)) {
                release();
            }
        }
    }

    /** The checkpoints read at acquisition, kept current by every write. */
    private final class TopicCheckpoints implements Checkpoints {
        private final Map<String, String> values;

        TopicCheckpoints(Map<String, String> values) {
            this.values = values;
        }

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public void put(String key, String json) {
            if (!held) {
                throw new SourceFailure(
                        "sources: the harvesting lease is no longer held; checkpoint " + key + " not written");
            }
            try {
                producer.send(new ProducerRecord<>(topic, 0, key, json)).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceFailure("sources: interrupted while writing checkpoint " + key, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new SourceFailure(
                        "sources: checkpoint " + key + " not acknowledged by Kafka: "
                                + (e.getCause() == null ? e : e.getCause()).getMessage(),
                        e);
            }
            values.put(key, json);
        }
    }

    private Map<String, Object> common() {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((key, value) -> {
            // the connector's own settings, not the client's
            if (!key.startsWith("kafka-configuration")
                    && !key.equals("topic")
                    && !key.contains("serializer")
                    && !key.contains("deserializer")
                    && !key.equals("group.id")) {
                config.put(key, value);
            }
        });
        return config;
    }

    private Map<String, Object> adminConfig() {
        Map<String, Object> config = common();
        config.put("client.id", "paperstream-sources-admin" + clientSuffix);
        return filter(config, org.apache.kafka.clients.admin.AdminClientConfig.configNames());
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = common();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "paperstream-sources-checkpoints" + clientSuffix);
        return filter(config, ProducerConfig.configNames());
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = common();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "paperstream-sources-lease" + clientSuffix);
        return filter(config, ConsumerConfig.configNames());
    }

    /** Only what the client knows (the shared Kafka settings also hold other clients' keys). */
    private static Map<String, Object> filter(Map<String, Object> config, java.util.Set<String> known) {
        Map<String, Object> out = new HashMap<>();
        config.forEach((key, value) -> {
            if (known.contains(key) || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                out.put(key, value);
            }
        });
        return out;
    }
}
