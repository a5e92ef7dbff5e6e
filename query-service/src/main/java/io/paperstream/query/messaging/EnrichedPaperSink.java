package io.paperstream.query.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.Topics;
import io.paperstream.query.store.DatabaseFailures;
import io.paperstream.query.store.PaperWriter;
import io.paperstream.query.store.StoredPapers;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The sink: each polled batch of {@code papers.enriched} becomes one PostgreSQL transaction. The batch is acknowledged
 * (and its offsets become committable) only after that transaction committed. Records that cannot be stored go to
 * {@code papers.enriched.dlq}; a database outage is retried with back-off for as long as it lasts.
 */
@ApplicationScoped
public class EnrichedPaperSink {
    static final String CHANNEL = "papers-enriched";
    static final String DLQ_CHANNEL = "papers-enriched-dlq";

    private final Mutiny.SessionFactory sessions;
    private final PaperWriter writer;
    private final StoredPapers stored;
    private final MutinyEmitter<byte[]> deadLetters;
    private final Counter storedCounter;
    private final Counter deadLetterCounter;
    private final DistributionSummary batchSize;
    private final Timer ingestToStored;

    public EnrichedPaperSink(Mutiny.SessionFactory sessions, PaperWriter writer, StoredPapers stored,
                             @Channel(DLQ_CHANNEL) MutinyEmitter<byte[]> deadLetters, MeterRegistry registry) {
        this.sessions = sessions;
        this.writer = writer;
        this.stored = stored;
        this.deadLetters = deadLetters;
        this.storedCounter = registry.counter("paperstream.query.papers.stored");
        this.deadLetterCounter = registry.counter("paperstream.query.papers.dead.lettered");
        this.batchSize = DistributionSummary.builder("paperstream.query.batch.size").register(registry);
        this.ingestToStored = Timer.builder("paperstream.query.ingest.to.stored").publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<BatchPlan.Input> inputs = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> r : records) {
            inputs.add(new BatchPlan.Input(r.key(), r.value(), r.partition(), r.offset()));
        }
        BatchPlan plan = BatchPlan.of(inputs);
        batchSize.record(inputs.size());
        return deadLetter(plan.rejected())
                .chain(() -> store(plan))
                .invoke(() -> published(plan.upserts()));
    }

    private Uni<Void> store(BatchPlan plan) {
        if (plan.upserts().isEmpty() && plan.deletes().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sessions.withTransaction(session -> writer.apply(session, plan.upserts(), plan.deletes()))
                .onFailure(DatabaseFailures::isUnavailable).invoke(e -> Log.warnf(
                        "the database is unavailable (%s); holding a batch of %d records and retrying", e.getMessage(),
                        plan.upserts().size() + plan.deletes().size()))
                // An outage is waited out, however long: nothing is dead-lettered or skipped because of it.
                .onFailure(DatabaseFailures::isUnavailable).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
                .indefinitely()
                .onFailure().recoverWithUni(e -> storeOneByOne(plan, e));
    }

    /**
     * The database refused the batch for a reason of the data: store the papers one by one and dead-letter only
     * those it refuses, so one bad record neither blocks the partition nor takes good ones down with it.
     */
    private Uni<Void> storeOneByOne(BatchPlan plan, Throwable batchFailure) {
        Log.warnf("a batch was refused (%s); storing its %d papers one by one", batchFailure.getMessage(),
                plan.upserts().size());
        Uni<Void> chain = sessions.withTransaction(session -> writer.apply(session, List.of(), plan.deletes()));
        for (EnrichedPaper paper : plan.upserts()) {
            chain = chain.chain(() -> sessions.withTransaction(session -> writer.apply(session, List.of(paper), List.of()))
                    .onFailure(e -> !DatabaseFailures.isUnavailable(e)).recoverWithUni(e -> deadLetter(
                            new BatchPlan.Rejected(paper.id(), PaperJsonBytes.of(paper),
                                    "refused by the database: " + e.getMessage(), -1, -1))));
        }
        return chain.onFailure(DatabaseFailures::isUnavailable).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
    }

    private void published(List<EnrichedPaper> papers) {
        Instant now = Instant.now();
        storedCounter.increment(papers.size());
        for (EnrichedPaper paper : papers) {
            if (paper.paper().ingestedAt() != null) {
                ingestToStored.record(Duration.between(paper.paper().ingestedAt(), now));
            }
            stored.publish(paper);
        }
    }

    private Uni<Void> deadLetter(List<BatchPlan.Rejected> rejected) {
        if (rejected.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = rejected.stream().map(this::deadLetter).toList();
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> deadLetter(BatchPlan.Rejected r) {
        Log.warnf("dead-lettering %s (partition %d, offset %d): %s", r.key(), r.partition(), r.offset(), r.reason());
        deadLetterCounter.increment();
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", r.reason().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", Topics.ENRICHED.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(r.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(r.offset()).getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(r.key()).withHeaders(headers).build();
        return deadLetters.sendMessage(Message.of(r.value()).addMetadata(metadata));
    }
}
