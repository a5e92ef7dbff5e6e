package io.paperstream.enrich.domain.keyphrases;

import java.util.Arrays;

/**
 * What each token, as written, means for keyphrases (no word: a stopword or fewer than two letters; or a singular
 * word with its generic flag and hyphen parts), remembered across papers by one thread: abstracts share most of
 * their vocabulary, so after a few papers a token costs one lookup instead of lower-casing, counting letters and
 * stopword, plural and generic checks. Never changes a result, only how soon it is known; emptied when it grows
 * past a bound.
 */
final class WordCache {
    /** What {@link #token} returns for a stopword or a token with fewer than two letters. */
    static final int NO_WORD = -1;
    /** More distinct forms than this empties the cache before the next paper (a paper brings a few hundred). */
    private static final int MAX_FORMS = 1 << 15;

    private final WordTable forms = new WordTable(4096, 32_768);
    private int[] formToken = new int[4096];
    /** Singular words, and the hyphen parts of those compared for near-duplicates. */
    private final WordTable words = new WordTable(4096, 32_768);

    private boolean[] generic = new boolean[4096];
    private int[] partsStart = new int[4096]; // into parts, -1 = not split yet
    private int[] partsLength = new int[4096];
    private int[] parts = new int[4096];
    private int partsSize;
    private char[] scratch = new char[64];

    /** Empties the cache when it holds too many forms; returns whether it did (word ids then start again). */
    boolean clearIfFull() {
        if (forms.size() <= MAX_FORMS) {
            return false;
        }
        forms.clear();
        words.clear();
        partsSize = 0;
        return true;
    }

    /**
     * What the token {@code text[off, off+len)} (word chars and inner hyphens, as written, hashed with
     * {@link WordTable#mix}) is: {@link #NO_WORD}, or its word id shifted left by one with the low bit set when the
     * token has two or more capitals (an acronym). Plurals share the id of their singular ("Models", "model").
     */
    int token(char[] text, int off, int len, int hash) {
        int form = forms.find(text, off, len, hash);
        if (form >= 0) {
            return formToken[form];
        }
        char[] lower = scratch(len);
        int letters = 0;
        int capitals = 0;
        for (int k = 0; k < len; k++) {
            char c = text[off + k];
            if (c < 128) {
                boolean upper = c >= 'A' && c <= 'Z';
                letters += upper || c >= 'a' && c <= 'z' ? 1 : 0;
                capitals += upper ? 1 : 0;
                lower[k] = upper ? (char) (c + 32) : c;
            } else {
                letters += Character.isLetter(c) ? 1 : 0;
                capitals += Character.isUpperCase(c) ? 1 : 0;
                lower[k] = Character.toLowerCase(c);
            }
        }
        int token = NO_WORD;
        if (letters >= 2 && !Lexicon.isStopword(lower, 0, len)) {
            token = intern(lower, Document.singular(lower, len)) << 1 | (capitals >= 2 ? 1 : 0);
        }
        if (forms.size() == formToken.length) {
            formToken = Arrays.copyOf(formToken, forms.size() * 2);
        }
        formToken[forms.intern(text, off, len, hash)] = token; // the form is known only once its meaning is
        return token;
    }

    /** Whether word {@code id} is generic: it weighs little and is never a keyphrase alone. */
    boolean generic(int id) {
        return generic[id];
    }

    /** The length of the singular word {@code id}. */
    int textLength(int id) {
        return words.length(id);
    }

    /** Copies the singular word {@code id} into {@code out} (at least {@link #textLength} long); returns its length. */
    int copyText(int id, char[] out) {
        return words.copy(id, out);
    }

    /**
     * The word's parts, for comparing phrases: hyphens split ("vision-language" is "vision", "language"), each
     * part singular; as word ids in {@link #parts()} from {@link #partsStart} for {@link #partsLength}.
     */
    int partsStart(int id) {
        if (partsStart[id] < 0) {
            split(id);
        }
        return partsStart[id];
    }

    int partsLength(int id) {
        if (partsStart[id] < 0) {
            split(id);
        }
        return partsLength[id];
    }

    int[] parts() {
        return parts;
    }

    /** Splits like {@code word.split("-")}: empty parts are kept except trailing ones. */
    private void split(int id) {
        char[] word = new char[words.length(id)]; // rare: once per word ever compared for near-duplicates
        words.copy(id, word);
        int start = partsSize;
        int end = word.length;
        if (indexOf(word, '-', 0, end) >= 0) {
            while (end > 0 && word[end - 1] == '-') {
                end--; // split drops the trailing empty parts
            }
        }
        for (int from = 0; from < end || from == 0 && end == word.length; ) {
            int to = indexOf(word, '-', from, end);
            to = to < 0 ? end : to;
            char[] part = Arrays.copyOfRange(word, from, to);
            if (partsSize == parts.length) {
                parts = Arrays.copyOf(parts, partsSize * 2);
            }
            parts[partsSize++] = intern(part, Document.singular(part, part.length));
            from = to + 1;
        }
        partsStart[id] = start;
        partsLength[id] = partsSize - start;
    }

    private static int indexOf(char[] chars, char c, int from, int to) {
        for (int k = from; k < to; k++) {
            if (chars[k] == c) {
                return k;
            }
        }
        return -1;
    }

    private int intern(char[] buf, int len) {
        int known = words.size();
        if (known == generic.length) {
            generic = Arrays.copyOf(generic, known * 2);
            partsStart = Arrays.copyOf(partsStart, known * 2);
            partsLength = Arrays.copyOf(partsLength, known * 2);
        }
        boolean isGeneric = Lexicon.isGeneric(buf, 0, len);
        int id = words.intern(buf, 0, len);
        if (id == known) {
            generic[id] = isGeneric;
            partsStart[id] = -1;
        }
        return id;
    }

    private char[] scratch(int len) {
        if (scratch.length < len) {
            scratch = new char[Math.max(len, scratch.length * 2)];
        }
        return scratch;
    }
}
