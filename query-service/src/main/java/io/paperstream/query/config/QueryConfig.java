package io.paperstream.query.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the query API ({@code paperstream.query.*}). */
@ConfigMapping(prefix = "paperstream.query")
public interface QueryConfig {
    /** HMAC key of the paging cursors; replicas behind one Service must share it. */
    @WithDefault("paperstream-local-cursor-key-change-me")
    String cursorSecret();

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
