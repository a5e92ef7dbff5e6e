package io.paperstream.query.config;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The API's request timer ({@code http_server_requests_seconds}) as a histogram with fixed buckets around the p99
 * target of 50 ms, so that Prometheus computes percentiles across replicas
 * ({@code histogram_quantile(0.99, ... http_server_requests_seconds_bucket ...)}: the dashboard and the
 * PaperstreamApiP99OverTarget alert of deploy/observability). Eleven buckets per route and status.
 */
@Singleton
public class ApiLatencyHistogram {
    static final double[] BUCKETS_NANOS = Stream.of(2, 5, 10, 25, 50, 75, 100, 250, 500, 1000, 2500)
            .mapToDouble(ms -> Duration.ofMillis(ms).toNanos())
            .toArray();

    @Produces
    @Singleton
    MeterFilter apiLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!"http.server.requests".equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(BUCKETS_NANOS)
                        .build()
                        .merge(config);
            }
        };
    }
}
