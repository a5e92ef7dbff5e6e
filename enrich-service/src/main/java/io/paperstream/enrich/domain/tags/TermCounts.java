package io.paperstream.enrich.domain.tags;

/**
 * How often each taxonomy term occurs in one paper's title and abstract, with the set of terms that occur at all.
 * Reused per thread: a paper hits a few dozen of the taxonomy's thousands of terms, so visiting and clearing only
 * those is much cheaper than allocating or scanning counts for every term.
 */
final class TermCounts {
    final int[] title;
    final int[] body;
    /** Bit {@code t} is set when term {@code t} occurs: the set bits give the hit terms in term order. */
    private final long[] hit;

    private final int[] hitTerms;

    TermCounts(int terms) {
        title = new int[terms];
        body = new int[terms];
        hit = new long[(terms + 63) >>> 6];
        hitTerms = new int[terms];
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

    /** Lists the terms that occur, ascending, in {@link #hitTerms()}; returns how many. */
    int collectHits() {
        int n = 0;
        for (int w = 0; w < hit.length; w++) {
            for (long bits = hit[w]; bits != 0; bits &= bits - 1) {
                hitTerms[n++] = (w << 6) + Long.numberOfTrailingZeros(bits);
            }
        }
        return n;
    }

    /** The terms listed by the last {@link #collectHits()}. */
    int[] hitTerms() {
        return hitTerms;
    }

    void clear() {
        for (int w = 0; w < hit.length; w++) {
            for (long bits = hit[w]; bits != 0; bits &= bits - 1) {
                int term = (w << 6) + Long.numberOfTrailingZeros(bits);
                title[term] = 0;
                body[term] = 0;
            }
            hit[w] = 0;
        }
    }
}
