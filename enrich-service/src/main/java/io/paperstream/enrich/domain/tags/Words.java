package io.paperstream.enrich.domain.tags;

/** Splits text into word tokens and normalises them the same way for taxonomy terms and paper text. */
final class Words {
    /** For each ASCII char, its lower-case form when it is a word char (letter or digit), else 0. */
    private static final char[] ASCII_WORD_LOWER = new char[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII_WORD_LOWER[c] = c;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_WORD_LOWER[c] = c;
            ASCII_WORD_LOWER[c - 32] = c;
        }
    }

    /** Receives each token as a range of the scanned text. */
    interface Sink {
        void word(char[] text, int start, int end);
    }

    private Words() {}

    /**
     * Calls {@code sink} for each run of letters and digits; URLs and LaTeX commands are skipped
     * because their fragments ("github", "textbf") are not topical evidence.
     */
    static void scan(char[] text, int length, Sink sink) {
        int i = 0;
        while (i < length) {
            char c = text[i];
            if (c == '\\') {
                i++;
                while (i < length && Character.isLetter(text[i])) {
                    i++;
                }
                continue;
            }
            if (!isWordChar(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && isWordChar(text[i])) {
                i++;
            }
            if (i + 2 < length && text[i] == ':' && text[i + 1] == '/' && text[i + 2] == '/') {
                while (i < length && !Character.isWhitespace(text[i])) {
                    i++;
                }
                continue;
            }
            sink.word(text, start, i);
        }
    }

    /**
     * Writes the lower-cased, plural-stripped form of {@code text[start,end)} into {@code out} and returns its
     * length. Only plural endings are removed: a full stemmer would merge unrelated words ("general"/"generate").
     */
    static int lowerStem(char[] text, int start, int end, char[] out) {
        int len = end - start;
        for (int i = 0; i < len; i++) {
            char c = text[start + i];
            out[i] = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
        }
        return stem(out, len);
    }

    /** Strips a plural ending of the lower-case word {@code out[0, len)} in place; returns the new length. */
    static int stem(char[] out, int len) {
        if (len < 4 || out[len - 1] != 's') {
            return len; // most words: no plural ending to look at
        }
        if (len > 4 && endsWith(out, len, "ies")) {
            out[len - 3] = 'y';
            return len - 2;
        }
        if (len > 4
                && (endsWith(out, len, "sses")
                        || endsWith(out, len, "ches")
                        || endsWith(out, len, "shes")
                        || endsWith(out, len, "xes")
                        || endsWith(out, len, "iases"))) {
            return len - 2;
        }
        if (len > 3
                && out[len - 1] == 's'
                && out[len - 2] != 's'
                && out[len - 2] != 'u'
                && out[len - 2] != 'i'
                && !endsWith(out, len, "ias")) {
            return len - 1;
        }
        return len;
    }

    /**
     * Writes the case-preserving form of an acronym-like token into {@code out} and returns its length, or -1
     * when the token has fewer than two capitals (then it only matches case-insensitively).
     * A plural "s" after a capital is dropped: "LLMs" becomes "LLM".
     */
    static int acronym(char[] text, int start, int end, char[] out) {
        int len = end - start;
        int capitals = 0;
        for (int i = 0; i < len; i++) {
            char c = text[start + i];
            if (Character.isUpperCase(c)) {
                capitals++;
            }
            out[i] = c;
        }
        return capitals < 2 ? -1 : acronymLength(out, 0, len);
    }

    /** The length of an acronym-like token without its plural "s" ("LLMs" is "LLM"). */
    static int acronymLength(char[] text, int start, int end) {
        int len = end - start;
        if (len >= 3 && text[end - 1] == 's' && Character.isUpperCase(text[end - 2])) {
            return len - 1;
        }
        return len;
    }

    /** Letters and digits make words; an ASCII fast path because this runs for every char of every paper. */
    static boolean isWordChar(char c) {
        return c < 128 ? ASCII_WORD_LOWER[c] != 0 : Character.isLetterOrDigit(c);
    }

    /** The lower-case form of the ASCII char {@code c} (below 128) when it is a word char, else 0: one load. */
    static char asciiWordLower(char c) {
        return ASCII_WORD_LOWER[c];
    }

    private static boolean endsWith(char[] buf, int len, String suffix) {
        int n = suffix.length();
        if (len < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (buf[len - n + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
