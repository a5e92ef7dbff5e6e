package io.paperstream.query.store;

/**
 * When the facets count a sample instead of every matching paper. The sample is table {@code paper_sample} (V4): the
 * papers whose id hashes into one of {@link #SHARE} buckets, kept in step with {@code paper} by triggers; counts over it
 * times {@link #SHARE} estimate the counts over all papers.
 */
final class FacetSample {
    /** One paper in this many is in the sample. */
    static final int SHARE = 8;
    /**
     * What a candidate of a phrase search costs relative to a match of a plain search: the phrase is checked against
     * the paper's whole search vector, which lives out of line. Measured on 100,000 papers: ≈ 7 µs per phrase
     * candidate; 1.5 µs per match of a plain search matching a quarter of the papers, 3 µs when the matches are
     * sparse (a heap page visited for each).
     */
    static final int PHRASE_WEIGHT = 4;

    private FacetSample() {
    }

    /**
     * Whether to count the sample: when the candidates (PostgreSQL's estimate of the papers the indexes select, before
     * any phrase check), weighted, do not fit the budget.
     */
    static boolean needed(long candidates, boolean phrase, long budget) {
        return candidates * (phrase ? PHRASE_WEIGHT : 1) > budget;
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
                // inside a lexeme a quote is written twice: the state flips twice, and is right again after the pair
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
