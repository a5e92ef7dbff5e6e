package io.paperstream.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Revisions are microseconds since the epoch and strictly increase, also across threads. */
class RevisionClockTest {

    @Test
    void isMicrosecondsSinceTheEpoch() {
        Instant now = Instant.parse("2025-03-14T10:00:00.123456Z");
        long revision = new RevisionClock(Clock.fixed(now, ZoneOffset.UTC)).next();
        assertThat(revision).isEqualTo(now.getEpochSecond() * 1_000_000 + 123_456);
        assertThat(RevisionClock.toInstant(revision)).isEqualTo(now);
    }

    @Test
    void strictlyIncreasesWhenTheClockStandsStillOrStepsBack() {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T10:00:00Z"));
        RevisionClock revisions = new RevisionClock(clock);
        long a = revisions.next();
        long b = revisions.next();
        clock.now = clock.now.minusSeconds(5);
        long c = revisions.next();
        assertThat(b).isGreaterThan(a);
        assertThat(c).isGreaterThan(b);
    }

    @Test
    void isUniqueAcrossThreads() {
        RevisionClock revisions = new RevisionClock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 10_000).parallel().forEach(i -> seen.add(revisions.next()));
        assertThat(seen).hasSize(10_000);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
