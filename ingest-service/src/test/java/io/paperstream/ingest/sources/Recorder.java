package io.paperstream.ingest.sources;

import io.paperstream.events.RawPaper;
import io.paperstream.ingest.domain.BatchIngestor;
import io.paperstream.ingest.domain.PaperLimits;
import io.paperstream.ingest.domain.PaperValidator;
import io.paperstream.ingest.domain.RevisionClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** For the harvesters' logic tests: what they publish, and checkpoints kept in memory (the Kafka ones: KafkaLeaseIT). */
final class Recorder implements Checkpoints {
    final List<RawPaper> papers = Collections.synchronizedList(new ArrayList<>());
    final List<String> tombstones = Collections.synchronizedList(new ArrayList<>());
    final Map<String, String> checkpoints = new ConcurrentHashMap<>();
    final List<String> checkpointHistory = Collections.synchronizedList(new ArrayList<>());

    SourcePublisher publisher() {
        BatchIngestor ingestor =
                new BatchIngestor(new PaperValidator(PaperLimits.DEFAULTS), new RevisionClock(Clock.systemUTC()), 100);
        return new SourcePublisher(ingestor, papers::addAll, tombstones::add);
    }

    static SourceHttp http(SourceStatus status, Duration delay) {
        return new SourceHttp(
                SourceHttp.newClient(),
                status,
                "*/*",
                delay,
                3,
                Duration.ofMillis(20),
                Duration.ofMillis(100),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                "paperstream-test");
    }

    List<String> ids() {
        synchronized (papers) {
            return papers.stream().map(RawPaper::id).toList();
        }
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(checkpoints.get(key));
    }

    @Override
    public void put(String key, String json) {
        checkpoints.put(key, json);
        checkpointHistory.add(key + "=" + json);
    }
}
