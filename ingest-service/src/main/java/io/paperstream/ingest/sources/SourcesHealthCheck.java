package io.paperstream.ingest.sources;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The harvest's state in {@code /q/health/ready}, never blocking and never DOWN: a source being unreachable must not
 * take the ingest API out of service. Shows whether this instance holds the lease, and per source the last success,
 * the last failure with its cause, the failures in a row and the position.
 */
@Readiness
@ApplicationScoped
public class SourcesHealthCheck implements HealthCheck {
    private final SourcesRunner runner;

    public SourcesHealthCheck(SourcesRunner runner) {
        this.runner = runner;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder =
                HealthCheckResponse.named("paperstream sources").up().withData("enabled", runner.enabled());
        if (runner.enabled()) {
            builder.withData("leader", runner.leader());
            add(builder, runner.arxiv());
            add(builder, runner.hf());
        }
        return builder.build();
    }

    private static void add(HealthCheckResponseBuilder builder, SourceStatus status) {
        for (Map.Entry<String, Object> e : status.snapshot().entrySet()) {
            String key = status.source() + "." + e.getKey();
            Object value = e.getValue();
            if (value instanceof Boolean b) {
                builder.withData(key, b);
            } else if (value instanceof Number n) {
                builder.withData(key, n.longValue());
            } else {
                builder.withData(key, String.valueOf(value));
            }
        }
    }
}
