package io.paperstream.query.store;

import io.paperstream.query.domain.PaperFilter;
import io.paperstream.query.domain.Sort;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Papers as they are committed to the store, for the live stream, whichever replica stored them: the writer announces
 * stored ids with {@code pg_notify} inside its transaction, so they are delivered only after commit and to every
 * replica; each replica LISTENs on one connection, loads the rows and hands each stream subscriber the papers that
 * match its filter (evaluated by the same SQL as the search). LISTEN is the one thing here on the Vert.x PostgreSQL
 * client ({@code PgSubscriber}: Hibernate Reactive has no notifications); loading and matching go through Hibernate
 * Reactive like every other read. Delivery is live only: a subscriber sees what is stored
 * while it is connected, and notifications sent while a replica's listening connection is down are not replayed.
 */
@ApplicationScoped
public class StoredPapers {
    /** The stored papers of one notification, and per active filter the ids among them that match it. */
    record Stored(Map<String, PaperEntity> papers, Map<String, Set<String>> matching) {}

    private record Subscription(PaperFilter filter, AtomicInteger subscribers) {}

    private final Vertx vertx;
    private final Mutiny.SessionFactory sessions;
    private final PgConnectOptions connectOptions;
    private final BroadcastProcessor<Stored> processor = BroadcastProcessor.create();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private volatile PgSubscriber subscriber;
    private volatile boolean stopping;

    public StoredPapers(
            Vertx vertx,
            Mutiny.SessionFactory sessions,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.sessions = sessions;
        // the reactive URL may list several hosts (the first is the primary) and carry Quarkus' vertx-reactive: prefix
        String first = url.split(",")[0].trim();
        if (first.startsWith("vertx-reactive:")) {
            first = first.substring("vertx-reactive:".length());
        }
        this.connectOptions = PgConnectOptions.fromUri(first).setUser(user).setPassword(password);
    }

    void start(@Observes StartupEvent event) {
        subscriber = PgSubscriber.subscriber(vertx, connectOptions)
                // a lost connection is re-established (and LISTEN re-issued) for as long as the service runs
                .reconnectPolicy(attempt -> stopping ? -1L : Math.min(5000L, 200L * (attempt + 1)));
        subscriber.channel(PaperWriter.STORED_CHANNEL).handler(this::onNotification);
        subscriber
                .connect()
                .onFailure()
                .invoke(e -> Log.warnf("cannot LISTEN for stored papers yet (%s); retrying", e.getMessage()))
                .onFailure(e -> !stopping)
                .retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(5))
                .indefinitely()
                .subscribe()
                .with(ok -> Log.debug("listening for stored papers"), e -> Log.warn("stopped listening", e));
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /**
     * A position in the stream: when a paper was stored and its id (papers stored by one transaction share the time).
     * Its text form ({@code <epoch microseconds>_<id>}) is the SSE event id that a client sends back as Last-Event-ID.
     */
    public record Position(java.time.OffsetDateTime storedAt, String id) implements Comparable<Position> {
        public static Position of(PaperEntity p) {
            return new Position(p.storedAt, p.id);
        }

        public String text() {
            java.time.Instant at = storedAt.toInstant();
            return (at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000) + "_" + id;
        }

        /** @return null when the text is not a position this service issued */
        public static Position parse(String text) {
            int sep = text == null ? -1 : text.indexOf('_');
            if (sep <= 0 || sep == text.length() - 1) {
                return null;
            }
            try {
                long micros = Long.parseLong(text.substring(0, sep));
                java.time.Instant at = java.time.Instant.ofEpochSecond(
                        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
                return new Position(at.atOffset(java.time.ZoneOffset.UTC), text.substring(sep + 1));
            } catch (RuntimeException e) {
                return null;
            }
        }

        @Override
        public int compareTo(Position o) {
            int byTime = storedAt.toInstant().compareTo(o.storedAt.toInstant());
            return byTime != 0 ? byTime : id.compareTo(o.id);
        }
    }

    /**
     * The matching papers stored after {@code position} (at most {@code limit}, oldest first), then the live stream
     * without repeating any of them: the live subscription starts before the replay is read, so nothing stored in
     * between is missed.
     */
    public Multi<PaperEntity> resume(PaperFilter filter, Position position, int limit) {
        return Multi.createFrom().emitter(emitter -> {
            Object lock = new Object();
            List<PaperEntity> pending = new ArrayList<>();
            Position[] last = {position};
            boolean[] replayed = {false};
            var live = stream(filter)
                    .subscribe()
                    .with(
                            p -> {
                                synchronized (lock) {
                                    if (!replayed[0]) {
                                        pending.add(p);
                                    } else if (Position.of(p).compareTo(last[0]) > 0) {
                                        last[0] = Position.of(p);
                                        emitter.emit(p);
                                    }
                                }
                            },
                            emitter::fail);
            emitter.onTermination(live::cancel);
            storedAfter(filter, position, limit)
                    .subscribe()
                    .with(
                            papers -> {
                                synchronized (lock) {
                                    for (PaperEntity p : papers) {
                                        last[0] = Position.of(p);
                                        emitter.emit(p);
                                    }
                                    for (PaperEntity p : pending) {
                                        if (Position.of(p).compareTo(last[0]) > 0) {
                                            last[0] = Position.of(p);
                                            emitter.emit(p);
                                        }
                                    }
                                    pending.clear();
                                    replayed[0] = true;
                                }
                            },
                            emitter::fail);
        });
    }

    private Uni<List<PaperEntity>> storedAfter(PaperFilter filter, Position position, int limit) {
        PaperSql sql = PaperSql.filtered(filter);
        String query = sql.idsStoredAfter(position.storedAt(), position.id(), limit);
        return sessions.withSession(session ->
                        sql.bind(session.createNativeQuery(query, String.class)).getResultList())
                .chain(ids -> ids.isEmpty()
                        ? Uni.createFrom().item(List.<PaperEntity>of())
                        : load(ids)
                                .map(papers -> papers.values().stream()
                                        .sorted(java.util.Comparator.comparing(Position::of))
                                        .toList()));
    }

    /** The papers stored from now on that match the filter; a slow subscriber misses papers rather than holding others up. */
    public Multi<PaperEntity> stream(PaperFilter filter) {
        String key = filter.hash(Sort.NEWEST);
        return processor
                .onSubscription()
                .invoke(() -> subscriptions
                        .computeIfAbsent(key, k -> new Subscription(filter, new AtomicInteger()))
                        .subscribers()
                        .incrementAndGet())
                .onTermination()
                .invoke(() -> subscriptions.computeIfPresent(
                        key, (k, s) -> s.subscribers().decrementAndGet() <= 0 ? null : s))
                // in stream-position order, so that a client's Last-Event-ID is the furthest it has seen
                .onItem()
                .transformToIterable(stored -> stored.matching().getOrDefault(key, Set.of()).stream()
                        .map(stored.papers()::get)
                        .filter(p -> p != null)
                        .sorted(java.util.Comparator.comparing(Position::of))
                        .toList())
                .onOverflow()
                .drop();
    }

    private void onNotification(String payload) {
        if (subscriptions.isEmpty() || payload == null || payload.isEmpty()) {
            return;
        }
        List<String> ids = Arrays.asList(payload.split("\n"));
        Map<String, Subscription> active = Map.copyOf(subscriptions);
        // Hibernate Reactive runs on a duplicated Vert.x context marked safe (as Quarkus does for a request); the
        // listener's own connection context is neither
        io.vertx.core.Context context =
                VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> load(ids)
                .chain(papers -> match(active, ids).map(matching -> new Stored(papers, matching)))
                .subscribe()
                .with(
                        processor::onNext,
                        e -> Log.warnf("cannot load stored papers for the stream: %s", e.getMessage())));
    }

    /** The stored rows of these ids, through the same entity mapping as every other read. */
    private Uni<Map<String, PaperEntity>> load(List<String> ids) {
        return sessions.withSession(session -> session.find(PaperEntity.class, ids.toArray()))
                .map(found -> {
                    Map<String, PaperEntity> papers = new HashMap<>();
                    found.stream().filter(java.util.Objects::nonNull).forEach(p -> papers.put(p.id, p));
                    return papers;
                });
    }

    private Uni<Map<String, Set<String>>> match(Map<String, Subscription> active, List<String> ids) {
        Map<String, Set<String>> matching = new ConcurrentHashMap<>();
        if (active.isEmpty()) {
            return Uni.createFrom().item(matching);
        }
        // one session, the filters' queries one after the other (a session runs one query at a time)
        return sessions.withSession(session -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Map.Entry<String, Subscription> e : active.entrySet()) {
                        PaperSql sql = PaperSql.filtered(e.getValue().filter());
                        String query = sql.idsAmong(ids);
                        all = all.chain(() -> sql.bind(session.createNativeQuery(query, String.class))
                                .getResultList()
                                .invoke(found -> matching.put(e.getKey(), new HashSet<>(found)))
                                .replaceWithVoid());
                    }
                    return all;
                })
                .replaceWith(matching);
    }
}
