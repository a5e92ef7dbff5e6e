package io.paperstream.ingest.sources;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one source did, as metrics and as the state the health check shows: {@code paperstream_source_requests_total
 * {source, outcome}}, {@code paperstream_source_papers_total{source, outcome}} (accepted, rejected, deleted) and
 * {@code paperstream_source_last_success_seconds{source}} (epoch seconds of the last successful request).
 */
public final class SourceStatus {
    private final String source;
    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicLong lastSuccess = new AtomicLong();
    private volatile Instant lastSuccessAt;
    private volatile Instant lastFailureAt;
    private volatile String lastFailure;
    private volatile int consecutiveFailures;
    private volatile String position;
    private volatile boolean running;
    private volatile boolean gaugeRegistered;
    private final AtomicLong papers = new AtomicLong();

    public SourceStatus(String source, MeterRegistry registry, Clock clock) {
        this.source = source;
        this.registry = registry;
        this.clock = clock;
    }

    /** Registered on first use, like the counters (meters registered while the beans start were not exported). */
    private void gauge() {
        Gauge.builder("paperstream.source.last.success", lastSuccess, AtomicLong::get)
                .description("When the source last answered a request successfully (epoch seconds)")
                .baseUnit("seconds").tag("source", source).strongReference(true).register(registry);
    }

    /** Without a registry (tests). */
    public static SourceStatus standalone(String source) {
        return new SourceStatus(source, new SimpleMeterRegistry(), Clock.systemUTC());
    }

    public String source() {
        return source;
    }

    public void request(String outcome) {
        Counter.builder("paperstream.source.requests").description("Requests to a source by outcome")
                .tag("source", source).tag("outcome", outcome).register(registry).increment();
    }

    public void succeeded() {
        Instant now = clock.instant();
        lastSuccessAt = now;
        lastSuccess.set(now.getEpochSecond());
        if (!gaugeRegistered) {
            gaugeRegistered = true;
            gauge();
        }
        consecutiveFailures = 0;
    }

    public void failed(String cause) {
        lastFailureAt = clock.instant();
        lastFailure = cause;
        consecutiveFailures++;
    }

    public void papers(String outcome, long count) {
        if (count <= 0) {
            return;
        }
        if (!"rejected".equals(outcome)) {
            papers.addAndGet(count);
        }
        Counter.builder("paperstream.source.papers").description("Papers harvested from a source by outcome")
                .tag("source", source).tag("outcome", outcome).register(registry).increment(count);
    }

    public void position(String position) {
        this.position = position;
    }

    public void running(boolean running) {
        this.running = running;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public long papers() {
        return papers.get();
    }

    public double requests(String outcome) {
        Counter counter = registry.find("paperstream.source.requests").tag("source", source).tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** For the health check: plain values, read without blocking. */
    public Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("running", running);
        out.put("papers", papers.get());
        out.put("lastSuccess", lastSuccessAt == null ? "never" : lastSuccessAt.toString());
        if (lastFailureAt != null) {
            out.put("lastFailure", lastFailureAt + " " + lastFailure);
        }
        out.put("consecutiveFailures", consecutiveFailures);
        if (position != null) {
            out.put("position", position);
        }
        return out;
    }
}
