package io.paperstream.query.store;

/**
 * How much of a filter's matches the facets count. Every paper is in one of {@link #BUCKETS} sample buckets (the
 * lexeme {@code 'sample N'} of its search vector, V4); counting the matches of the first {@code k} buckets costs about
 * {@code k / BUCKETS} of counting them all, and the counts scaled by {@code BUCKETS / k} estimate the true ones.
 */
final class FacetSample {
    static final int BUCKETS = 64;
    /**
     * What a candidate of a phrase search costs relative to one of a plain search: the phrase is checked against the
     * paper's whole search vector, which lives out of line (measured: 7 µs against 0.9 µs per candidate on 100,000
     * papers).
     */
    static final int PHRASE_WEIGHT = 8;

    private FacetSample() {
    }

    /**
     * The number of buckets to count: all of them when the exact count fits the budget, else as many as fit (at least
     * one). {@code candidates} is PostgreSQL's estimate of the papers the index selects, before any phrase check.
     */
    static int buckets(long candidates, boolean phrase, long budget) {
        long cost = candidates * (phrase ? PHRASE_WEIGHT : 1);
        if (cost <= budget) {
            return BUCKETS;
        }
        return (int) Math.max(1, BUCKETS * budget / cost);
    }

    /** The tsquery (text form) that selects the first {@code k} buckets. */
    static String query(int k) {
        if (k < 1 || k > BUCKETS) {
            throw new IllegalArgumentException("buckets: " + k);
        }
        StringBuilder q = new StringBuilder();
        for (int b = 0; b < k; b++) {
            q.append(b == 0 ? "" : " | ").append("'sample ").append(b).append('\'');
        }
        return q.toString();
    }

    /** Whether a tsquery (text form, as PostgreSQL prints it) has a phrase operator ({@code <->} or {@code <N>}). */
    static boolean hasPhrase(String tsquery) {
        return !relaxed(tsquery).equals(tsquery);
    }

    /**
     * The tsquery with every phrase operator replaced by AND: what the GIN index can select without reading the papers'
     * search vectors, i.e. the candidates a phrase search checks. Quoted lexemes are copied as they are.
     */
    static String relaxed(String tsquery) {
        StringBuilder out = new StringBuilder(tsquery.length());
        boolean quoted = false;
        for (int i = 0; i < tsquery.length(); i++) {
            char c = tsquery.charAt(i);
            if (c == '\'') {
                // inside a lexeme a quote is written twice; either way the state flips twice or once as it should
                quoted = !quoted;
                out.append(c);
            } else if (!quoted && c == '<') {
                int end = tsquery.indexOf('>', i);
                if (end < 0) {
                    throw new IllegalArgumentException("not a tsquery: " + tsquery);
                }
                out.append('&');
                i = end;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
