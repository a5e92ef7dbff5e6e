package io.paperstream.query.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.paperstream.problem.Problem;
import io.paperstream.problem.ProblemResponses;
import io.paperstream.problem.ProblemType;
import io.paperstream.query.config.QueryConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Per-client rate limiting of the API: a token bucket (Bucket4j) per client address, {@code burst} requests at once
 * and {@code per-second} in the long run; beyond it {@code 429 Too Many Requests} (problem+json) with
 * {@code Retry-After}. The client address is the connection's peer, or the forwarded one when
 * {@code quarkus.http.proxy.proxy-address-forwarding} is on behind a trusted proxy. Health and metrics (the
 * management port) are never limited. Off unless {@code paperstream.query.rate-limit.enabled}.
 */
public class RateLimitFilter {
    private final Limiter limiter;

    /** The limiter is a normal-scoped bean: Quarkus REST creates filters early, before the runtime configuration. */
    public RateLimitFilter(Limiter limiter) {
        this.limiter = limiter;
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(HttpServerRequest request) {
        String client = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
        long seconds = limiter.retryAfterSeconds(client);
        if (seconds == 0) {
            return null;
        }
        return ProblemResponses.response(
                Problem.of(ProblemType.TOO_MANY_REQUESTS)
                        .detail("this client made too many requests; retry after " + seconds + " s")
                        .instance(request.path())
                        .build(),
                Map.of("Retry-After", Long.toString(seconds)));
    }

    /** The token buckets, one per client address, in a bounded cache. */
    @ApplicationScoped
    public static class Limiter {
        private final boolean enabled;
        private final Bandwidth bandwidth;
        private final Cache<String, Bucket> buckets;
        private final Counter limited;

        public Limiter(QueryConfig config, MeterRegistry registry) {
            QueryConfig.RateLimit limit = config.rateLimit();
            this.enabled = limit.enabled();
            this.bandwidth = Bandwidth.builder()
                    .capacity(limit.burst())
                    .refillGreedy(limit.perSecond(), Duration.ofSeconds(1))
                    .build();
            this.buckets = Caffeine.newBuilder()
                    .maximumSize(limit.maxClients())
                    .expireAfterAccess(
                            Duration.ofSeconds(Math.max(60, 2 * limit.burst() / Math.max(1, limit.perSecond()))))
                    .build();
            this.limited = Counter.builder("paperstream.query.rate.limited")
                    .description("requests refused with 429 by the per-client rate limit")
                    .register(registry);
        }

        /** 0 when the client may go on, else the seconds it should wait (and the request is counted as limited). */
        long retryAfterSeconds(String client) {
            if (!enabled) {
                return 0;
            }
            ConsumptionProbe probe = buckets.get(
                            client, c -> Bucket.builder().addLimit(bandwidth).build())
                    .tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return 0;
            }
            limited.increment();
            return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        }
    }
}
