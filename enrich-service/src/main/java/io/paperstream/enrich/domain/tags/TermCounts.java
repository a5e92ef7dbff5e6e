package io.paperstream.enrich.domain.tags;

/**
 * How often each taxonomy term occurs in one paper's title and abstract, with the set of terms that occur at all.
 * Reused per thread: a paper hits a few dozen of the taxonomy's thousands of terms, so visiting and clearing only
 * those is much cheaper than allocating or scanning counts for every term.
 */
final class TermCounts {
    final int[] title;
    final int[] body;
    /** Bit {@code t} is set when term {@code t} occurs: iterating set bits gives the hit terms in term order. */
    private final long[] hit;

    TermCounts(int terms) {
        title = new int[terms];
        body = new int[terms];
        hit = new long[(terms + 63) >>> 6];
    }

    /** Counts one occurrence of {@code term}, in the title or in the abstract. */
    void add(int term, boolean inTitle) {
        hit[term >>> 6] |= 1L << term;
        if (inTitle) {
            title[term]++;
        } else {
            body[term]++;
        }
    }

    /** The first term at or after {@code from} that occurs, or -1. */
    int nextHit(int from) {
        int w = from >>> 6;
        if (w >= hit.length) {
            return -1;
        }
        long bits = hit[w] & (-1L << from); // a long shift uses the low six bits of from
        while (bits == 0) {
            if (++w == hit.length) {
                return -1;
            }
            bits = hit[w];
        }
        return (w << 6) + Long.numberOfTrailingZeros(bits);
    }

    void clear() {
        for (int t = nextHit(0); t >= 0; t = nextHit(t + 1)) {
            title[t] = 0;
            body[t] = 0;
        }
        java.util.Arrays.fill(hit, 0L);
    }
}
