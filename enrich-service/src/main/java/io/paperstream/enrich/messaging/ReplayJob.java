package io.paperstream.enrich.messaging;

import io.paperstream.kit.StageProgress;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Re-enrichment as a job that ends: with {@code paperstream.replay.exit-when-caught-up=true} (env
 * {@code PAPERSTREAM_REPLAY_EXIT_WHEN_CAUGHT_UP}), the service notes the end offsets of its input topic when it starts,
 * logs its progress towards them (records, per cent, rate) every {@code paperstream.replay.progress-interval} and
 * exits with status 0 once its consumer group has committed past all of them. Run with a new consumer group
 * ({@code PAPERSTREAM_ENRICH_GROUP}) it replays the whole input topic — compacted {@code papers.resolved}, once the
 * resolver feeds enrich-service, holds every paper — through the current enrichment. It is resumable: the group's
 * committed offsets survive a restart, so a restarted job (a Kubernetes Job's next pod) goes on where it stopped.
 */
@ApplicationScoped
public class ReplayJob {
    private final boolean enabled;
    private final long intervalSeconds;
    private final StageProgress progress;
    private ScheduledExecutorService timer;
    private Map<org.apache.kafka.common.TopicPartition, Long> target;
    private long startedAt;
    private long committedAtStart = -1;

    public ReplayJob(
            @ConfigProperty(name = "paperstream.replay.exit-when-caught-up", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "paperstream.replay.progress-interval", defaultValue = "10s")
                    java.time.Duration interval,
            @Wellness StageProgress progress) {
        this.enabled = enabled;
        this.intervalSeconds = Math.max(1, interval.toSeconds());
        this.progress = progress;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        startedAt = System.nanoTime();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "replay-job");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, 2, intervalSeconds, TimeUnit.SECONDS);
        Log.infof(
                "re-enrichment job: will exit once group %s has caught up with %s", progress.group(), progress.topic());
    }

    private void check() {
        try {
            StageProgress.Offsets now = progress.offsets();
            if (target == null) {
                target = now.ends();
                committedAtStart = now.committedTotal(target);
            }
            long total = target.values().stream().mapToLong(Long::longValue).sum();
            long done = now.committedTotal(target);
            boolean caughtUp = target.entrySet().stream()
                    .allMatch(e -> now.committed().getOrDefault(e.getKey(), 0L) >= e.getValue());
            double seconds = (System.nanoTime() - startedAt) / 1e9;
            Log.infof(
                    "re-enrichment progress: %,d of %,d records (%.1f %%), %,.0f records/s",
                    done,
                    total,
                    total == 0 ? 100.0 : 100.0 * done / total,
                    (done - committedAtStart) / Math.max(seconds, 1e-3));
            if (caughtUp) {
                Log.infof(
                        "re-enrichment done: group %s has committed past the end offsets of %s it found at start",
                        progress.group(), progress.topic());
                timer.shutdown();
                Quarkus.asyncExit(0);
            }
        } catch (RuntimeException e) {
            Log.warnf("re-enrichment progress unknown (%s); trying again", e.getMessage());
        }
    }
}
