package io.paperstream.ingest.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.paperstream.ingest.domain.BatchResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Micrometer meters: {@code paperstream.ingest.records} (counter; tags format, outcome, reason) and
 * {@code paperstream.ingest.requests} (timer; tags format, status).
 */
@ApplicationScoped
public class IngestMetrics {
    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public Timer.Sample start() {
        return Timer.start(registry);
    }

    public void request(Timer.Sample sample, String format, int status) {
        sample.stop(Timer.builder("paperstream.ingest.requests")
                .description("Time to answer an ingest request, including the broker's acknowledgements")
                .tag("format", format)
                .tag("status", Integer.toString(status))
                .register(registry));
    }

    public void records(String format, BatchResult result) {
        Map<String, Long> counts = result.records().stream()
                .collect(Collectors.groupingBy(r -> r.status().label() + "|" + r.reasonCode(), Collectors.counting()));
        counts.forEach((key, count) -> {
            String[] parts = key.split("\\|", 2);
            Counter.builder("paperstream.ingest.records")
                    .description("Input records by format, outcome and (for rejections) reason")
                    .tag("format", format)
                    .tag("outcome", parts[0])
                    .tag("reason", parts[1])
                    .register(registry)
                    .increment(count);
        });
    }
}
