package io.paperstream.enrich.domain.tags;

import io.paperstream.enrich.domain.LongIntMap;

/**
 * The features of the learned area model: the words of title and abstract (lower-cased, plural-stripped, stop words
 * and numbers left out), pairs of adjacent such words, and the title's words once more as title features. Each
 * feature is a 64-bit key hashed from its text, so a paper is featurised without making strings; the model file
 * keeps the text, which is hashed the same way when it is loaded. The training program ({@code bench/tags}) uses this
 * same class, so training and tagging see the same features.
 */
public final class ArxivFeatures {
    /** Feature kinds, as written in the model file. */
    public static final char WORD = 'w';

    public static final char PAIR = 'p';
    public static final char TITLE_WORD = 't';

    static final int MAX_WORD = 40;
    private static final LongIntMap STOP_WORDS = new LongIntMap(256);

    static {
        String stop = "a an the and or nor but if then than that this these those there their them they it its is are"
                + " was were be been being am do does did done has have had having of in on at by for from to with"
                + " without into onto over under about above below between among through during before after upon"
                + " via as so such not no yes can could may might must shall should will would we our us you your he"
                + " she his her i me my which who whom whose what when where why how all any both each few more most"
                + " other some own same very also just only too again further once here while whether either neither"
                + " et al e g ie eg etc vs";
        char[] buf = new char[MAX_WORD];
        for (String w : stop.split(" ")) {
            w.getChars(0, w.length(), buf, 0);
            STOP_WORDS.putIfAbsent(hash(buf, 0, Words.stem(buf, w.length())) & Long.MAX_VALUE, 1);
        }
    }

    /** Receives the features of a paper, with their text for programs that need it (the training program). */
    public interface Sink {
        /**
         * One feature occurrence (a feature may come more than once).
         *
         * @param key   the feature's key
         * @param kind  {@link #WORD}, {@link #PAIR} or {@link #TITLE_WORD}
         * @param words the normalised word(s): {@code first[0, firstLen)} and, for a pair, {@code second[0, secondLen)}
         */
        void feature(long key, char kind, char[] first, int firstLen, char[] second, int secondLen);
    }

    private ArxivFeatures() {}

    /** Calls {@code sink} for every feature occurrence of the title and the abstract (either may be null). */
    public static void extract(String title, String abstractText, Sink sink) {
        new Scanner().extract(title, abstractText, sink);
    }

    /**
     * A reusable featuriser (one per thread): its buffers are kept between papers, so featurising a paper allocates
     * nothing. Not thread-safe.
     */
    public static final class Scanner implements Words.Sink {
        private char[] text = new char[4096];
        private char[] previous = new char[MAX_WORD];
        private char[] current = new char[MAX_WORD];
        private long prevHash;
        private int prevLen;
        private boolean title;
        private Sink sink;

        /** As {@link ArxivFeatures#extract}, with this scanner's buffers. */
        public void extract(String title, String abstractText, Sink sink) {
            this.sink = sink;
            scan(title, true);
            scan(abstractText, false);
            this.sink = null;
        }

        private void scan(String field, boolean isTitle) {
            if (field == null || field.isEmpty()) {
                return;
            }
            int length = field.length();
            if (text.length < length) {
                text = new char[Math.max(length, text.length * 2)];
            }
            field.getChars(0, length, text, 0);
            title = isTitle;
            prevLen = 0; // pairs do not cross from the title into the abstract
            Words.scan(text, length, this);
        }

        @Override
        public void word(char[] buf, int start, int end) {
            char[] cur = current;
            int len = normalise(buf, start, end, cur);
            if (len < 0) {
                prevLen = 0; // a stop word or number breaks pairs: "model of language" makes no pair
                return;
            }
            long h = hash(cur, 0, len);
            sink.feature(key(WORD, h), WORD, cur, len, null, 0);
            if (title) {
                sink.feature(key(TITLE_WORD, h), TITLE_WORD, cur, len, null, 0);
            }
            if (prevLen > 0) {
                sink.feature(pairKey(prevHash, h), PAIR, previous, prevLen, cur, len);
            }
            prevHash = h;
            prevLen = len;
            current = previous;
            previous = cur;
        }
    }

    /**
     * Writes the normalised form of the token {@code text[start, end)} (lower-case, plural-stripped) into {@code out}
     * (at least {@link #MAX_WORD} chars) and returns its length, or -1 when the token makes no feature and breaks
     * pairs: longer than {@link #MAX_WORD}, shorter than two chars, a number or a stop word.
     */
    static int normalise(char[] text, int start, int end, char[] out) {
        if (end - start > MAX_WORD) {
            return -1;
        }
        int len = Words.lowerStem(text, start, end, out);
        if (len < 2 || digitsOnly(out, len) || STOP_WORDS.get(hash(out, 0, len) & Long.MAX_VALUE, 0) != 0) {
            return -1;
        }
        return len;
    }

    /** The key of a feature given by its kind and its normalised text (one word, or two separated by a space). */
    public static long key(char kind, String text) {
        char[] chars = text.toCharArray();
        int space = text.indexOf(' ');
        if (kind == PAIR) {
            if (space <= 0) {
                throw new IllegalArgumentException("a pair feature needs two words: '" + text + "'");
            }
            return pairKey(hash(chars, 0, space), hash(chars, space + 1, chars.length - space - 1));
        }
        return key(kind, hash(chars, 0, chars.length));
    }

    static long key(char kind, long wordHash) {
        return mix(wordHash ^ (kind == TITLE_WORD ? 0x5bd1e9955bd1e995L : 0)) & Long.MAX_VALUE;
    }

    static long pairKey(long first, long second) {
        return mix(first * 0x9E3779B97F4A7C15L + second + 0x27d4eb2f165667c5L) & Long.MAX_VALUE;
    }

    /** FNV-1a over the chars. */
    static long hash(char[] buf, int off, int len) {
        long h = 0xcbf29ce484222325L;
        for (int i = off; i < off + len; i++) {
            h ^= buf[i];
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static boolean digitsOnly(char[] buf, int len) {
        for (int i = 0; i < len; i++) {
            if (buf[i] < '0' || buf[i] > '9') {
                return false;
            }
        }
        return true;
    }
}
