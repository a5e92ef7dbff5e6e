package io.paperstream.kit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether this stage, as a whole, makes progress: every few seconds it reads the consumer group's committed offsets and
 * the topic's end offsets (the group's lag, over all partitions, also those of a dead instance that nobody holds
 * yet). When records wait and no committed offset has moved for {@code paperstream.progress.stall-after} (30 s), the
 * stage is stalled. Visible as metrics ({@code paperstream_stage_lag}, {@code paperstream_stage_seconds_since_progress},
 * {@code paperstream_stage_stalled}, tagged with the group) and as a wellness check ({@code /q/health/well}: DOWN with
 * the figures). Not readiness: a replica holding no partitions is normal and must keep receiving traffic, and a stalled
 * stage is not fixed by taking its replicas out of service. Every replica reports the same group-wide figures.
 * <p>A bean only in the services that consume a topic: those set the build property
 * {@code paperstream.progress.watch=true} and name their group and topic ({@code paperstream.progress.group},
 * {@code paperstream.progress.topic}).
 */
@IfBuildProperty(name = "paperstream.progress.watch", stringValue = "true")
@Wellness
@ApplicationScoped
public class StageProgress implements HealthCheck {
    private final String group;
    private final String topic;
    private final Duration stallAfter;
    private final Map<String, Object> kafkaConfig;
    private ScheduledExecutorService timer;
    private Admin admin;
    private volatile long lag = -1;
    private volatile long committedTotal = -1;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stalled;
    private volatile String lastError;

    public StageProgress(
            @ConfigProperty(name = "paperstream.progress.group") String group,
            @ConfigProperty(name = "paperstream.progress.topic") String topic,
            @ConfigProperty(name = "paperstream.progress.stall-after", defaultValue = "30s") Duration stallAfter,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            MeterRegistry registry) {
        this.group = group;
        this.topic = topic;
        this.stallAfter = stallAfter;
        this.kafkaConfig = kafkaConfig;
        Gauge.builder("paperstream.stage.lag", () -> lag)
                .tag("group", group)
                .description("records of the topic not yet committed by the consumer group (all partitions)")
                .register(registry);
        Gauge.builder("paperstream.stage.seconds.since.progress", this::secondsSinceProgress)
                .tag("group", group)
                .description("seconds since the group's committed offsets last moved while records waited")
                .register(registry);
        Gauge.builder("paperstream.stage.stalled", () -> stalled ? 1 : 0)
                .tag("group", group)
                .description("1 when records wait and the group has not moved for paperstream.progress.stall-after")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stage-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, 5, 5, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
        synchronized (this) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(1));
            }
        }
    }

    /** The group's committed offsets and the topic's end offsets, per partition. */
    public record Offsets(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {
        /** Committed records counted up to the given end offsets. */
        public long committedTotal(Map<TopicPartition, Long> upTo) {
            long total = 0;
            for (Map.Entry<TopicPartition, Long> e : upTo.entrySet()) {
                total += Math.min(committed.getOrDefault(e.getKey(), 0L), e.getValue());
            }
            return total;
        }
    }

    public String group() {
        return group;
    }

    public String topic() {
        return topic;
    }

    /** Reads the offsets now (a few admin requests); throws when the broker does not answer. */
    public synchronized Offsets offsets() {
        try {
            if (admin == null) {
                Map<String, Object> config = new HashMap<>(kafkaConfig);
                config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
                config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
                config.keySet().retainAll(AdminClientConfig.configNames());
                admin = Admin.create(config);
            }
            Map<TopicPartition, Long> committed = new HashMap<>();
            admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(5, TimeUnit.SECONDS)
                    .forEach((tp, om) -> {
                        if (om != null) {
                            committed.put(tp, om.offset());
                        }
                    });
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(java.util.List.of(topic))
                    .allTopicNames()
                    .get(5, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            return new Offsets(committed, ends);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private void check() {
        try {
            Offsets offsets = offsets();
            long waiting = 0;
            long total = 0;
            for (Map.Entry<TopicPartition, Long> end : offsets.ends().entrySet()) {
                long at = offsets.committed().getOrDefault(end.getKey(), 0L);
                total += at;
                waiting += Math.max(0, end.getValue() - at);
            }
            long now = System.nanoTime();
            if (total != committedTotal || waiting == 0) {
                lastProgress = now;
            }
            committedTotal = total;
            lag = waiting;
            stalled = waiting > 0 && now - lastProgress > stallAfter.toNanos();
            lastError = null;
        } catch (RuntimeException e) {
            // the broker away is readiness' business; keep the last figures
            lastError = e.getMessage();
        } catch (Throwable e) {
            lastError = e.toString();
        }
    }

    private double secondsSinceProgress() {
        return lag > 0 ? (System.nanoTime() - lastProgress) / 1e9 : 0;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("paperstream-stage-progress")
                .status(!stalled)
                .withData("group", group)
                .withData("topic", topic)
                .withData("lag", lag)
                .withData("secondsSinceProgress", Math.round(secondsSinceProgress()))
                .withData("stallAfterSeconds", stallAfter.toSeconds());
        if (lastError != null) {
            response.withData("lastError", lastError);
        }
        return response.build();
    }
}
