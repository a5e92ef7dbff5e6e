package io.paperstream.enrich.domain;

/**
 * Words kept as spans of one shared char pool: a span is {@code start << 32 | length}. Used by the tagger's vocabulary
 * and the keyphrase extractor's word table, which both look words up without making strings.
 */
public final class CharSpans {
    private CharSpans() {}

    /**
     * Whether the span of {@code pool} holds the same chars as {@code buf[off, off + len)}. A plain loop: for words of
     * a few chars it beats {@code Arrays.equals}, which is tuned for long arrays.
     */
    public static boolean same(char[] pool, long span, char[] buf, int off, int len) {
        if ((int) span != len) {
            return false;
        }
        int s = (int) (span >>> 32);
        for (int k = 0; k < len; k++) {
            if (pool[s + k] != buf[off + k]) {
                return false;
            }
        }
        return true;
    }
}
