package io.paperstream.ingest.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.paperstream.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies the service holds at once ({@code paperstream.ingest.overload.max-in-flight-bytes}):
 * reserved before or while a body is received, released when its answer is done. Never waits: a request that finds no
 * room is shed (503 overloaded), so more load than Kafka takes is answered at once and memory stays bounded.
 */
@ApplicationScoped
public class InFlightBytes {
    private final long max;
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong highWater = new AtomicLong();
    private final Counter shed;

    public InFlightBytes(IngestConfig config, MeterRegistry registry) {
        this.max = config.overload().maxInFlightBytes().asLongValue();
        Gauge.builder("paperstream.ingest.in.flight.bytes", held, AtomicLong::get)
                .description("bytes of request bodies held (received, or reserved for a stream) until their answer")
                .register(registry);
        this.shed = Counter.builder("paperstream.ingest.overloaded")
                .description("requests answered 503 because the in-flight bytes were at their bound")
                .register(registry);
    }

    /** Takes {@code bytes} if they fit under the bound; false (and the request counted as shed) otherwise. */
    public boolean tryReserve(long bytes) {
        while (true) {
            long now = held.get();
            if (now + bytes > max) {
                shed.increment();
                return false;
            }
            if (held.compareAndSet(now, now + bytes)) {
                highWater.accumulateAndGet(now + bytes, Math::max);
                return true;
            }
        }
    }

    public void release(long bytes) {
        if (bytes > 0) {
            held.addAndGet(-bytes);
        }
    }

    public long held() {
        return held.get();
    }

    /** The most ever held at once. */
    public long highWater() {
        return highWater.get();
    }

    public long max() {
        return max;
    }
}
