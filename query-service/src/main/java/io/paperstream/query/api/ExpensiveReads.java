package io.paperstream.query.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.paperstream.problem.Problem;
import io.paperstream.problem.ProblemException;
import io.paperstream.problem.ProblemType;
import io.paperstream.query.config.QueryConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A bounded queue in front of expensive reads (searches and their facets; see {@link QueryConfig.SearchLimit}):
 * {@code concurrency} run at once, {@code queue} wait in arrival order for at most {@code queue-timeout}, the rest are
 * shed at once with 503 {@code overloaded} + Retry-After. Non-blocking: a waiting request holds no thread. (SmallRye
 * Fault Tolerance's bulkhead has no bound on the wait in its queue, so a queued search would instead run into the
 * read timeout and be answered as if the database were away.)
 */
@ApplicationScoped
public class ExpensiveReads {
    private final int concurrency;
    private final int queueSize;
    private final Duration queueTimeout;
    private final int retryAfterSeconds;
    private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private final Counter shed;
    private int running;

    public ExpensiveReads(QueryConfig config, MeterRegistry registry) {
        QueryConfig.SearchLimit limit = config.searchLimit();
        this.concurrency = limit.concurrency();
        this.queueSize = limit.queue();
        this.queueTimeout = limit.queueTimeout();
        this.retryAfterSeconds = limit.retryAfterSeconds();
        this.shed = Counter.builder("paperstream.query.overloaded")
                .description("expensive reads answered 503 because the search queue was full or too slow")
                .register(registry);
        Gauge.builder("paperstream.query.expensive.running", this, r -> r.counts()[0])
                .description("expensive reads running")
                .register(registry);
        Gauge.builder("paperstream.query.expensive.waiting", this, r -> r.counts()[1])
                .description("expensive reads waiting for their turn")
                .register(registry);
    }

    /** Runs the read when its turn comes (at once when there is room), or fails it with a 503 overloaded problem. */
    public <T> Uni<T> run(Supplier<Uni<T>> read) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> turn;
            synchronized (this) {
                if (running < concurrency) {
                    running++;
                    turn = null;
                } else if (waiting.size() < queueSize) {
                    turn = new CompletableFuture<>();
                    waiting.add(turn);
                } else {
                    shed.increment();
                    return Uni.createFrom().failure(overloaded("the search queue is full (" + queueSize + " waiting)"));
                }
            }
            Uni<Void> admitted = turn == null ? Uni.createFrom().voidItem() : waitFor(turn);
            AtomicBoolean holds = new AtomicBoolean(turn == null);
            return admitted.onItem()
                    .transformToUni(v -> {
                        holds.set(true);
                        return read.get();
                    })
                    .onTermination()
                    .invoke(() -> {
                        if (holds.getAndSet(false)) {
                            release();
                        }
                    });
        });
    }

    private Uni<Void> waitFor(CompletableFuture<Void> turn) {
        return Uni.createFrom()
                .completionStage(turn)
                .ifNoItem()
                .after(queueTimeout)
                .recoverWithUni(() -> {
                    synchronized (this) {
                        if (waiting.remove(turn)) {
                            shed.increment();
                            return Uni.createFrom()
                                    .failure(overloaded("no search finished within " + queueTimeout.toMillis()
                                            + " ms to make room for this one"));
                        }
                    }
                    return Uni.createFrom().voidItem(); // the turn came just now: go ahead
                })
                .onCancellation()
                .invoke(() -> {
                    synchronized (this) {
                        if (waiting.remove(turn)) {
                            return;
                        }
                    }
                    if (turn.isDone()) {
                        release(); // the turn was handed over but will not be used
                    }
                });
    }

    /** Hands the finished read's turn to the first waiting one, or frees it. */
    private void release() {
        CompletableFuture<Void> next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
                return;
            }
        }
        next.complete(null);
    }

    private synchronized int[] counts() {
        return new int[] {running, waiting.size()};
    }

    private ProblemException overloaded(String why) {
        return Problem.of(ProblemType.OVERLOADED)
                .detail("query-service runs as many searches at once as it takes: "
                        + why + ". Cheap requests (a paper by id, tags, listings without search text) are still served."
                        + " Retry after " + retryAfterSeconds + " s.")
                .exception(Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }
}
