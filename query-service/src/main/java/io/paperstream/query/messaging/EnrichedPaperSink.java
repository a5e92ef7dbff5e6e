package io.paperstream.query.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.paperstream.events.DeadLetters;
import io.paperstream.events.Topics;
import io.paperstream.query.store.DatabaseFailures;
import io.paperstream.query.store.PaperUpsert;
import io.paperstream.query.store.PaperWriter;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The sink: each polled batch of {@code papers.enriched} becomes one PostgreSQL transaction. The batch is acknowledged
 * (and its offsets become committable) only after that transaction committed. Records that cannot be stored go to
 * {@code papers.enriched.dlq}; a database outage is retried with back-off for as long as it lasts.
 */
@ApplicationScoped
public class EnrichedPaperSink {
    static final String CHANNEL = "papers-enriched";
    static final String DLQ_CHANNEL = "papers-enriched-dlq";
    private static final Duration MAX_PLAUSIBLE_LATENCY = Duration.ofDays(365);
    /** A database that is back is used again within this (a retry of a held batch costs one connection attempt). */
    private static final Duration MAX_RETRY_BACKOFF = Duration.ofSeconds(2);
    /**
     * First statement of every transaction of the sink: its commit returns only once the commit is durable (WAL
     * flushed), whatever the server or the role is configured with. The sink commits Kafka offsets after the
     * transaction committed; with {@code synchronous_commit = off} a crash of the server could lose the rows of a
     * commit it had acknowledged, and the offsets would say they were stored.
     */
    static final String SYNCHRONOUS_COMMIT = "SELECT set_config('synchronous_commit', 'on', true)";

    private final Mutiny.SessionFactory sessions;
    private final PaperWriter writer;
    private final MutinyEmitter<byte[]> deadLetters;
    private final Counter storedCounter;
    private final Counter deadLetterCounter;
    private final Counter conflictRetries;
    private final DistributionSummary batchSize;
    private final Timer ingestToStored;
    private final Timer batchDuration;
    private final PaperTraces traces;

    public EnrichedPaperSink(
            Mutiny.SessionFactory sessions,
            PaperWriter writer,
            @Channel(DLQ_CHANNEL) MutinyEmitter<byte[]> deadLetters,
            MeterRegistry registry,
            PaperTraces traces) {
        this.traces = traces;
        this.sessions = sessions;
        this.writer = writer;
        this.deadLetters = deadLetters;
        // stored/s is rate(paperstream_query_papers_stored_total); consumer lag comes from the Kafka client binder
        this.storedCounter = registry.counter("paperstream.query.papers.stored");
        this.deadLetterCounter = registry.counter("paperstream.query.papers.dead.lettered");
        // a batch's transaction aborted by a deadlock with another batch's and run again (not the data's fault)
        this.conflictRetries = registry.counter("paperstream.query.batches.retried", "reason", "conflict");
        this.batchSize =
                DistributionSummary.builder("paperstream.query.batch.size").register(registry);
        this.ingestToStored = Timer.builder("paperstream.query.ingest.to.stored")
                .description("from the record's ingest time (paper.ingestedAt) to its commit in PostgreSQL")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.batchDuration = Timer.builder("paperstream.query.batch.duration")
                .description("from receiving a polled batch to its committed transaction")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        Context context = Vertx.currentContext();
        Uni<Prepared> prepared = Uni.createFrom().item(() -> prepare(records));
        if (context != null) {
            // Parsing, planning and writing the rows JSON are the batch's CPU (seconds on a cold JVM): on a worker
            // thread, so that the event loop keeps serving the database connection, the offset commits (every
            // second) and the rebalance callbacks, which wait for this context. Then back to it for the transaction.
            prepared = prepared.runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .emitOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return prepared.chain(batch -> deadLetter(batch.plan().rejected(), batch.traces())
                        .chain(() -> store(batch))
                        .invoke(written -> {
                            stored(batch.plan().upserts(), written, started);
                            batch.traces().stored(batch.plan().upserts(), startedAt);
                        }))
                .replaceWithVoid();
    }

    /** A polled batch made ready for its transaction: the plan, the upsert's rows JSON, the records' traces. */
    private record Prepared(BatchPlan plan, String rows, PaperTraces.Batch traces) {}

    private Prepared prepare(ConsumerRecords<String, String> records) {
        List<BatchPlan.Input> inputs = new ArrayList<>(records.count());
        PaperTraces.Batch batchTraces = traces.batch();
        for (ConsumerRecord<String, String> r : records) {
            inputs.add(new BatchPlan.Input(r.key(), r.value(), r.partition(), r.offset()));
            batchTraces.add(r);
        }
        BatchPlan plan = BatchPlan.of(inputs);
        batchSize.record(inputs.size());
        List<PaperUpsert> upserts = plan.upserts();
        return new Prepared(plan, upserts.isEmpty() ? null : PaperWriter.rowsJson(upserts), batchTraces);
    }

    private Uni<Long> store(Prepared batch) {
        BatchPlan plan = batch.plan();
        if (plan.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        return sessions.withTransaction(session -> apply(session, batch.rows(), plan.deletes()))
                .onFailure(DatabaseFailures::isUnavailable)
                .invoke(e -> Log.warnf(
                        "the database is unavailable (%s); holding a batch of %d records and retrying",
                        e.getMessage(), plan.upserts().size() + plan.deletes().size()))
                // A transaction that lost a conflict with another batch's (a deadlock) is run again: it is not the
                // data's fault, so it must never reach the one-by-one path and its dead letters.
                .onFailure(DatabaseFailures::isConflict)
                .invoke(e -> {
                    conflictRetries.increment();
                    Log.infof(
                            "a batch of %d records lost a conflict with another transaction (%s); running it again",
                            plan.upserts().size() + plan.deletes().size(), e.getMessage());
                })
                // An outage is waited out, however long, and a conflict retried: nothing is dead-lettered or skipped
                // because of either.
                .onFailure(DatabaseFailures::isTransient)
                .retry()
                .withBackOff(Duration.ofMillis(200), MAX_RETRY_BACKOFF)
                .withJitter(0.5)
                .indefinitely()
                .onFailure()
                .recoverWithUni(e -> storeOneByOne(plan, e, batch.traces()));
    }

    /**
     * The database refused the batch for a reason of the data: store the papers one by one and dead-letter only
     * those it refuses, so one bad record neither blocks the partition nor takes good ones down with it.
     */
    private Uni<Long> storeOneByOne(BatchPlan plan, Throwable batchFailure, PaperTraces.Batch batchTraces) {
        Log.warnf(
                "a batch was refused (%s); storing its %d papers one by one",
                batchFailure.getMessage(), plan.upserts().size());
        AtomicLong written = new AtomicLong();
        // each step waits out an outage and retries a conflict by itself, so that a step already done (a paper
        // stored, or one dead-lettered) is never done twice
        Uni<Void> chain = retryTransient(sessions.withTransaction(session -> apply(session, null, plan.deletes())))
                .replaceWithVoid();
        for (PaperUpsert upsert : plan.upserts()) {
            chain = chain.chain(() -> retryTransient(sessions.withTransaction(
                            session -> apply(session, PaperWriter.rowsJson(List.of(upsert)), List.of())))
                    .invoke(written::addAndGet)
                    .replaceWithVoid()
                    .onFailure()
                    .recoverWithUni(e -> deadLetter(
                            new BatchPlan.Rejected(
                                    upsert.paper().id(),
                                    upsert.json().getBytes(StandardCharsets.UTF_8),
                                    "refused by the database: " + e.getMessage(),
                                    upsert.partition(),
                                    upsert.offset()),
                            batchTraces)));
        }
        return chain.replaceWith(written::get);
    }

    private static <T> Uni<T> retryTransient(Uni<T> transaction) {
        return transaction
                .onFailure(DatabaseFailures::isTransient)
                .invoke(e -> Log.warnf(
                        "a transaction of the one-by-one storing failed (%s); running it again", e.getMessage()))
                .onFailure(DatabaseFailures::isTransient)
                .retry()
                .withBackOff(Duration.ofMillis(200), MAX_RETRY_BACKOFF)
                .withJitter(0.5)
                .indefinitely();
    }

    /**
     * The writer's statements (upsert rows as {@link PaperWriter#rowsJson}, null: none), in a transaction that commits
     * synchronously ({@link #SYNCHRONOUS_COMMIT}).
     */
    private Uni<Long> apply(Mutiny.Session session, String rows, Collection<String> deletes) {
        return session.createNativeQuery(SYNCHRONOUS_COMMIT)
                .getSingleResult()
                .chain(() -> writer.apply(session, rows, deletes));
    }

    /** Metrics of a committed batch. Never fails: the batch is stored, whatever its records' clocks say. */
    private void stored(List<PaperUpsert> upserts, long written, long started) {
        Instant now = Instant.now();
        storedCounter.increment(written);
        batchDuration.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        for (PaperUpsert upsert : upserts) {
            Instant ingested = upsert.paper().paper().ingestedAt();
            // a producer's clock may be off, or a timestamp absurd: only plausible latencies are measured
            if (ingested != null && !ingested.isAfter(now) && ingested.isAfter(now.minus(MAX_PLAUSIBLE_LATENCY))) {
                ingestToStored.record(Duration.between(ingested, now));
            }
        }
    }

    private Uni<Void> deadLetter(List<BatchPlan.Rejected> rejected, PaperTraces.Batch batchTraces) {
        if (rejected.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends =
                rejected.stream().map(r -> deadLetter(r, batchTraces)).toList();
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> deadLetter(BatchPlan.Rejected r, PaperTraces.Batch batchTraces) {
        Log.warnf("dead-lettering %s (partition %d, offset %d): %s", r.key(), r.partition(), r.offset(), r.reason());
        deadLetterCounter.increment();
        RecordHeaders headers = new RecordHeaders();
        DeadLetters.headers(r.reason(), null, Topics.ENRICHED, r.partition(), r.offset())
                .forEach(headers::add);
        // the dead letter stays in the paper's trace (W3C traceparent of the refused record)
        batchTraces.inject(r.partition(), r.offset(), headers);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(r.key())
                .withHeaders(headers)
                .build();
        return deadLetters.sendMessage(Message.of(r.value()).addMetadata(metadata));
    }
}
