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
 * {@code paperstream_source_last_success_seconds{source}} (epoch seconds of the last successful request this process
 * made, 0 until the first) and {@code paperstream_source_enabled{source}} (1 when this source is configured to be
 * harvested). The two gauges exist from startup, whether harvesting is on or not, so that the harvest-stale alert
 * ({@code deploy/observability/prometheus-rule.yaml}) can tell "never succeeded" from "not configured".
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
    private volatile boolean gaugesRegistered;
    private final AtomicLong papers = new AtomicLong();

    public SourceStatus(String source, MeterRegistry registry, Clock clock) {
        this.source = source;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Registers the two gauges; called once the application has started (from a {@code StartupEvent} observer), when
     * the exporting registries are in place.
     */
    public void registerGauges(boolean enabled) {
        if (gaugesRegistered) {
            return;
        }
        gaugesRegistered = true;
        // an earlier start of the application in the same JVM (dev mode's live reload, tests) may have left its gauges
        // in the global registry; a gauge keeps the object it was registered with, so replace them
        for (String name : new String[] {"paperstream.source.last.success", "paperstream.source.enabled"}) {
            registry.find(name).tag("source", source).meters().forEach(registry::remove);
        }
        Gauge.builder("paperstream.source.last.success", lastSuccess, AtomicLong::get)
                .description("When the source last answered a request successfully (epoch seconds; 0: not yet)")
                .baseUnit("seconds")
                .tag("source", source)
                .strongReference(true)
                .register(registry);
        Gauge.builder("paperstream.source.enabled", () -> enabled ? 1 : 0)
                .description("1 when this source is configured to be harvested")
                .tag("source", source)
                .strongReference(true)
                .register(registry);
    }

    /** Without a registry (tests). */
    public static SourceStatus standalone(String source) {
        return new SourceStatus(source, new SimpleMeterRegistry(), Clock.systemUTC());
    }

    public String source() {
        return source;
    }

    public void request(String outcome) {
        Counter.builder("paperstream.source.requests")
                .description("Requests to a source by outcome")
                .tag("source", source)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public void succeeded() {
        Instant now = clock.instant();
        lastSuccessAt = now;
        lastSuccess.set(now.getEpochSecond());
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
        Counter.builder("paperstream.source.papers")
                .description("Papers harvested from a source by outcome")
                .tag("source", source)
                .tag("outcome", outcome)
                .register(registry)
                .increment(count);
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
        Counter counter = registry.find("paperstream.source.requests")
                .tag("source", source)
                .tag("outcome", outcome)
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
