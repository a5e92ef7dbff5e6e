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
     * Totals are exact up to this many matching papers; beyond it the answer says "at least this many"
     * ({@code totalExact: false}), so that a broad query does not count 100,000 rows on every request.
     */
    @WithDefault("10000")
    int totalLimit();
}
