package io.paperstream.ingest.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.ingest.sources.StandIn.Answer;
import io.paperstream.localstack.KafkaBroker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lease and the checkpoints on a real Kafka broker (local-stack's, in this JVM): of two instances in the group
 * only one holds the lease; when it stops, the other takes over with the checkpoints the first wrote, and an arXiv
 * harvest stopped in the middle resumes there.
 */
class KafkaLeaseIT {
    private static KafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    /** Records what the lease did to its holder. */
    static final class Events implements KafkaLease.Holder {
        final BlockingQueue<Checkpoints> acquired = new LinkedBlockingQueue<>();
        volatile boolean holding;

        @Override
        public void acquired(Checkpoints checkpoints) {
            holding = true;
            acquired.add(checkpoints);
        }

        @Override
        public void lost() {
            holding = false;
        }
    }

    private static KafkaLease lease(String topic, Events events) {
        return new KafkaLease(Map.of("bootstrap.servers", broker.bootstrapServers()), topic, "group-" + topic, events)
                .start();
    }

    @Test
    void oneInstanceHarvestsAndTheNextResumesFromItsCheckpoint() throws Exception {
        String topic = "checkpoints-" + System.nanoTime();
        Clock clock = Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC);
        try (StandIn arxiv = new StandIn()) {
            Function<StandIn.Request, Answer> pages = StandIn.arxivPages();
            // page 1 is served, then the source fails: the harvest stops after page 1
            arxiv.routes(r -> r.query().containsKey("resumptionToken")
                    ? Answer.status(502, "bad gateway", Map.of())
                    : pages.apply(r));
            Events first = new Events();
            Events second = new Events();
            KafkaLease a = lease(topic, first);
            Checkpoints aCheckpoints = first.acquired.poll(60, TimeUnit.SECONDS);
            assertThat(aCheckpoints).as("the first instance acquires the lease").isNotNull();
            KafkaLease b = lease(topic, second);
            try {
                Recorder published = new Recorder();
                SourceStatus status = SourceStatus.standalone("arxiv-oai");
                ArxivOaiHarvester harvester = new ArxivOaiHarvester(
                        arxiv.url(),
                        List.of("cs"),
                        Optional.empty(),
                        Recorder.http(status, Duration.ofMillis(10)),
                        published.publisher(),
                        aCheckpoints,
                        status,
                        clock);
                assertThatThrownBy(harvester::harvest).isInstanceOf(SourceFailure.class);
                assertThat(published.ids()).containsExactly("arxiv:2409.04828", "arxiv:0704.0001");
                assertThat(second.acquired.poll(3, TimeUnit.SECONDS))
                        .as("only one instance holds the lease")
                        .isNull();

                a.close(); // the first instance stops (or is moved): the second takes over
                assertThat(first.holding).isFalse();
                Checkpoints bCheckpoints = second.acquired.poll(60, TimeUnit.SECONDS);
                assertThat(bCheckpoints)
                        .as("the second instance acquires the lease")
                        .isNotNull();
                assertThat(bCheckpoints.get("arxiv-oai:cs")).get().asString().contains("\"token\":\"6961218|1001\"");

                arxiv.clear();
                arxiv.routes(StandIn.arxivPages());
                new ArxivOaiHarvester(
                                arxiv.url(),
                                List.of("cs"),
                                Optional.empty(),
                                Recorder.http(status, Duration.ofMillis(10)),
                                published.publisher(),
                                bCheckpoints,
                                status,
                                clock)
                        .harvest();
                assertThat(arxiv.requests())
                        .extracting(r -> r.query().get("resumptionToken"))
                        .containsExactly("6961218|1001", "6961218|2002");
                assertThat(published.ids())
                        .containsExactly(
                                "arxiv:2409.04828", "arxiv:0704.0001", "arxiv:2412.00004", "arxiv:math/0703001");
                assertThat(bCheckpoints.get("arxiv-oai:cs")).get().asString().contains("\"from\":\"2026-12-06\"");
            } finally {
                a.close();
                b.close();
            }
            assertThat(second.holding).isFalse();
        }
    }

    @Test
    void aCheckpointCannotBeWrittenWithoutTheLease() throws Exception {
        String topic = "checkpoints-" + System.nanoTime();
        Events events = new Events();
        KafkaLease lease = lease(topic, events);
        Checkpoints checkpoints = events.acquired.poll(60, TimeUnit.SECONDS);
        assertThat(checkpoints).isNotNull();
        checkpoints.put("hf-daily", "{\"done\":\"2026-12-05\"}");
        lease.close();
        assertThatThrownBy(() -> checkpoints.put("hf-daily", "{\"done\":\"2026-12-06\"}"))
                .isInstanceOf(SourceFailure.class)
                .hasMessageContaining("no longer held");

        Events again = new Events();
        KafkaLease next = lease(topic, again);
        try {
            Checkpoints read = again.acquired.poll(60, TimeUnit.SECONDS);
            assertThat(read.get("hf-daily")).contains("{\"done\":\"2026-12-05\"}");
        } finally {
            next.close();
        }
    }
}
