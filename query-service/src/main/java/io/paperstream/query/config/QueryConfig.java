package io.paperstream.query.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the query API ({@code paperstream.query.*}). */
@ConfigMapping(prefix = "paperstream.query")
public interface QueryConfig {
    /** The built-in cursor secret of the dev and test profiles; query-service refuses to start with it in prod. */
    String BUILT_IN_CURSOR_SECRET = "paperstream-local-cursor-key-change-me";

    /**
     * HMAC keys of the paging cursors, comma-separated, the signing one first: put a new secret first and keep the
     * old one after it while old cursors are still in use. Replicas behind one Service must share them. Required in
     * prod (with {@link #cursorSecretFile()} as the alternative).
     */
    Optional<List<String>> cursorSecret();

    /**
     * A file of cursor secrets (one per line or comma-separated, the signing one first), e.g. a mounted Secret;
     * re-read at most every {@link #secretReloadInterval()}, so a rotation needs no restart. Its secrets come before
     * those of {@link #cursorSecret()}.
     */
    Optional<Path> cursorSecretFile();

    @WithDefault("10s")
    Duration secretReloadInterval();

    /** Per-client rate limiting of the API (a token bucket per client address). */
    RateLimit rateLimit();

    interface RateLimit {
        /** On in prod, off in dev, tests and the local run. */
        @WithDefault("false")
        boolean enabled();

        /** Requests a client may make at once (the bucket's size). */
        @WithDefault("100")
        long burst();

        /** Requests per second a client may make in the long run (the bucket's refill). */
        @WithDefault("20")
        long perSecond();

        /** Clients tracked at most (least recently seen forgotten first). */
        @WithDefault("100000")
        long maxClients();
    }

    /**
     * Expensive reads (searches with {@code q}, facets of them): at most {@code concurrency} run at once and
     * {@code queue} wait, each at most {@code queue-timeout}; beyond that a request is answered 503 (type overloaded)
     * + Retry-After before it reaches the database, so that a burst of searches cannot take every database connection
     * from cheap requests (a paper by id, a tag listing, health), which are never limited.
     */
    SearchLimit searchLimit();

    interface SearchLimit {
        /** Expensive reads at once; below the database pool (5) so that cheap reads and the sink keep a connection. */
        @WithDefault("2")
        int concurrency();

        /** Expensive reads waiting for their turn, at most. */
        @WithDefault("16")
        int queue();

        /** The longest an expensive read waits for its turn (well below the read timeout, 5 s). */
        @WithDefault("1s")
        Duration queueTimeout();

        /** The Retry-After of a 503 of an overload. */
        @WithDefault("1")
        int retryAfterSeconds();
    }

    /** Live stream (Server-Sent Events). */
    Stream stream();

    interface Stream {
        /** A comment line sent this often on an idle stream, so proxies and load balancers keep the connection. */
        @WithDefault("15s")
        Duration heartbeat();

        /** Most stored papers replayed to a client that resumes with Last-Event-ID. */
        @WithDefault("1000")
        int replayLimit();
    }

    @WithDefault("20")
    int defaultLimit();

    @WithDefault("200")
    int maxLimit();

    /**
     * Totals of searches and filter combinations are counted exactly up to this many papers; beyond it the answer is
     * PostgreSQL's estimate with {@code totalExact: false}, so that a broad query does not count tens of thousands of
     * rows on every request. (All papers, one tag, one link kind or one host: always exact, from counters.)
     */
    @WithDefault("1000")
    int totalLimit();

    /**
     * Facets of a search (or of a filter the counters cannot answer) count every matching paper when PostgreSQL
     * estimates at most this many candidates (a candidate of a phrase search weighs 4: its phrase is checked against
     * the paper's out-of-line search vector); beyond it they count the papers of {@code paper_sample} (an eighth) and
     * say so ({@code countsExact: false}, {@code sample}). 10,000 scattered matches take 20–30 ms of PostgreSQL time on
     * the README's benchmark machine. A request can ask for exact counts with {@code exact=true}.
     */
    @WithDefault("10000")
    long facetBudget();
}
