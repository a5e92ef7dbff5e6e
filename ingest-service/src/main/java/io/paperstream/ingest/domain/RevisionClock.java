package io.paperstream.ingest.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Revisions: the ingest time in microseconds since the epoch, strictly increasing within the process, so two
 * ingests of the same paper in the same microsecond (or after the wall clock stepped back) still order.
 */
public final class RevisionClock {
    private final Clock clock;
    private final AtomicLong last = new AtomicLong();

    public RevisionClock(Clock clock) {
        this.clock = clock;
    }

    public long next() {
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        return last.updateAndGet(previous -> Math.max(previous + 1, now));
    }

    /** The instant a revision stands for. */
    public static Instant toInstant(long revision) {
        return Instant.EPOCH.plus(revision, ChronoUnit.MICROS);
    }
}
