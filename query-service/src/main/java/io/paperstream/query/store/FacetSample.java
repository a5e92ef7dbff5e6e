package io.paperstream.query.store;

/**
 * The tsquery text a sampled count needs: whether a search has a phrase, and its candidates without the phrase check.
 * The sample is table {@code paper_sample} (V4), one paper in {@code Counting.SAMPLE_SHARE}; when to count it is
 * {@code Counting}'s decision.
 */
final class FacetSample {
    private FacetSample() {}

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
