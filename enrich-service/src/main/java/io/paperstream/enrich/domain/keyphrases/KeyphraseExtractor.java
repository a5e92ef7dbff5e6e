package io.paperstream.enrich.domain.keyphrases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Extracts a paper's keyphrases statistically (RAKE/YAKE-like, no model): candidates are 1-4 word runs between
 * stopwords and punctuation, scored by how often the phrase and its words occur (title occurrences count more,
 * generic words little), then picked best-first while skipping near-duplicates. Deterministic and thread-safe.
 */
public final class KeyphraseExtractor {
    /** Only this much text is read, which also keeps word ids within the 16 bits a phrase key packs per word. */
    static final int MAX_CHARS = 20_000;

    private static final double TITLE_BONUS = 1.0;
    private static final double GENERIC_WEIGHT = 0.3;
    private static final double ACRONYM_WEIGHT = 1.2;
    /** Weight of a phrase mostly followed by the same word: "large language" of "large language models". */
    private static final double CUT_END_WEIGHT = 0.3;
    /** Weight of a phrase mostly preceded by the same word. */
    private static final double CUT_START_WEIGHT = 0.7;

    private static final long MAX_QUANTISED = Integer.MAX_VALUE;
    /** A single word is dropped for a longer phrase containing it that scores at least this share of it. */
    private static final double ABSORB_RATIO = 0.35;
    /** Ranked phrases sorted at once; the rest only when picking gets that far. */
    private static final int SORTED_FIRST = 48;

    /** {@code Math.sqrt} of each phrase length. */
    private static final double[] SQRT = new double[Document.MAX_WORDS + 1];

    static {
        for (int length = 0; length < SQRT.length; length++) {
            SQRT[length] = Math.sqrt(length);
        }
    }

    /** Per-thread working state, reused paper after paper so extraction allocates little more than its result. */
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /**
     * Returns up to {@code max} lower-case keyphrases, best first.
     *
     * @param abstractText may be null or empty, then only the title is used
     */
    public List<String> extract(String title, String abstractText, int max) {
        String t = title == null ? "" : title;
        boolean noAbstract = abstractText == null || abstractText.isBlank();
        if (max <= 0 || noAbstract && t.isBlank()) {
            return List.of();
        }
        Workspace w = WORKSPACE.get();
        w.doc.load(t, noAbstract ? null : abstractText, MAX_CHARS);
        return w.keyphrases(max);
    }

    /** One thread's document, ranking and choice. */
    private static final class Workspace {
        final Document doc = new Document();
        private final PhraseParts parts = new PhraseParts();
        private long[] ranked = new long[256];
        /** Eligible phrases in {@link #ranked}. */
        private int n;
        /** {@code ranked[0, sortedUpTo)} is in final order, and every later key is larger than all of them. */
        private int sortedUpTo;

        private double[] wordWeight = new double[64];
        private int[] chosenRanks = new int[8];
        private int chosen;
        private char[] surface = new char[64];

        /** Up to {@code max} keyphrases of the loaded document, best first. */
        List<String> keyphrases(int max) {
            rank();
            parts.reset(doc);
            chosen = 0;
            // First pass: phrases sharing no specific word with a chosen one, so a few keyphrases cover different
            // aspects; second pass: fill up with any phrase that is not a near-duplicate.
            pick(max, true);
            pick(max, false);
            Arrays.sort(chosenRanks, 0, chosen); // rank order: the low bits of a ranked key are its position
            if (surface.length < doc.length) {
                surface = new char[doc.length];
            }
            List<String> out = new ArrayList<>(chosen);
            for (int c = 0; c < chosen; c++) {
                out.add(surface(doc, (int) ranked[chosenRanks[c]], surface));
            }
            return out;
        }

        /**
         * Puts the eligible phrases into {@link #ranked} as sortable keys, best first: the quantised score (inverted)
         * in the high bits and the phrase number (order of first occurrence, the tie-break) in the low bits. Keys
         * are unique, so the order is total. Only the best {@link #SORTED_FIRST} are sorted at once: picking
         * rarely looks further, and sorting them all was a sixth of the enrich worker's time on long abstracts;
         * {@link #sortedTo} sorts the rest when it does.
         */
        private void rank() {
            if (ranked.length < doc.phrases) {
                ranked = new long[Math.max(doc.phrases, ranked.length * 2)];
            }
            if (wordWeight.length < doc.words) {
                wordWeight = new double[Math.max(doc.words, wordWeight.length * 2)];
            }
            for (int id = 0; id < doc.words; id++) {
                wordWeight[id] = weight(doc, id); // once per word, not once per phrase it is in
            }
            int n = 0;
            for (int p = 0; p < doc.phrases; p++) {
                if (eligible(doc, p)) {
                    long quantised = Math.min(MAX_QUANTISED, Math.round(score(doc, wordWeight, p) * 1000));
                    ranked[n++] = ((MAX_QUANTISED - quantised) << 32) | p;
                }
            }
            this.n = n;
            sortedUpTo = 0;
            if (n > 2 * SORTED_FIRST && Select.smallestFirst(ranked, n, SORTED_FIRST)) {
                Arrays.sort(ranked, 0, SORTED_FIRST);
                sortedUpTo = SORTED_FIRST;
            }
        }

        /** {@code ranked[r]} in final order ({@code r < n}). */
        private long sortedTo(int r) {
            if (r >= sortedUpTo) {
                Arrays.sort(ranked, sortedUpTo, n);
                sortedUpTo = n;
            }
            return ranked[r];
        }

        private void pick(int max, boolean diverse) {
            for (int r = 0; r < n && chosen < max; r++) {
                sortedTo(r);
                if (isChosen(r) || absorbed(r)) {
                    continue;
                }
                int candidate = (int) ranked[r];
                boolean keep = true;
                for (int c = 0; c < chosen; c++) {
                    int other = (int) ranked[chosenRanks[c]];
                    if (parts.nearDuplicate(candidate, other) || diverse && parts.shareSpecificWord(candidate, other)) {
                        keep = false;
                        break;
                    }
                }
                if (keep) {
                    if (chosen == chosenRanks.length) {
                        chosenRanks = Arrays.copyOf(chosenRanks, chosen * 2);
                    }
                    chosenRanks[chosen++] = r;
                }
            }
        }

        private boolean isChosen(int r) {
            for (int c = 0; c < chosen; c++) {
                if (chosenRanks[c] == r) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether the single word at rank {@code r} is better said by a longer phrase containing it that scores at
         * least {@link #ABSORB_RATIO} of it: "voice identity morphing" rather than "voice".
         */
        private boolean absorbed(int r) {
            int single = (int) ranked[r];
            if (doc.phraseLength[single] != 1) {
                return false;
            }
            int word = doc.tokenWord[doc.phraseFirst[single]];
            long bar = MAX_QUANTISED - (long) ((MAX_QUANTISED - (ranked[r] >>> 32)) * ABSORB_RATIO);
            for (int o = r + 1; o < n && (sortedTo(o) >>> 32) <= bar; o++) {
                int p = (int) ranked[o];
                for (int k = 0; k < doc.phraseLength[p] && doc.phraseLength[p] > 1; k++) {
                    if (doc.tokenWord[doc.phraseFirst[p] + k] == word) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static boolean eligible(Document doc, int p) {
        boolean specific = false;
        for (int k = 0; k < doc.phraseLength[p]; k++) {
            specific |= !doc.generic[doc.tokenWord[doc.phraseFirst[p] + k]];
        }
        // A single word must recur: one passing mention is not what the paper is about.
        return specific && (doc.phraseLength[p] > 1 || doc.phraseCount[p] >= 2);
    }

    /** How much word {@code w} adds to the score of each phrase it is in. */
    private static double weight(Document doc, int w) {
        double weight = doc.tf[w] + TITLE_BONUS * doc.titleTf[w];
        weight *= doc.generic[w] ? GENERIC_WEIGHT : 1;
        weight *= doc.capitalised[w] ? ACRONYM_WEIGHT : 1;
        return weight;
    }

    private static double score(Document doc, double[] wordWeight, int p) {
        int first = doc.phraseFirst[p];
        int length = doc.phraseLength[p];
        double words = 0;
        for (int k = 0; k < length; k++) {
            words += wordWeight[doc.tokenWord[first + k]];
        }
        double score = (doc.phraseCount[p] + TITLE_BONUS * doc.phraseTitleCount[p]) * words / SQRT[length];
        // Mostly followed (preceded) by the same word, the phrase is a fragment of a longer one: "large language"
        // of "large language models" (or "language models" when "large" always comes first).
        if (2 * doc.phraseSameRight[p] > doc.phraseCount[p]) {
            score *= CUT_END_WEIGHT;
        }
        if (2 * doc.phraseSameLeft[p] > doc.phraseCount[p]) {
            score *= CUT_START_WEIGHT;
        }
        return score;
    }

    /**
     * Whether two phrases (as word parts: singular, hyphens split) repeat each other: one contains the other
     * ("language model" in "large language models") or they share a run of two or more words.
     */
    static boolean nearDuplicate(String[] a, String[] b) {
        Map<String, Integer> ids = new HashMap<>();
        int[] parts = new int[a.length + b.length];
        for (int k = 0; k < parts.length; k++) {
            parts[k] = ids.computeIfAbsent(k < a.length ? a[k] : b[k - a.length], part -> ids.size());
        }
        return nearDuplicate(parts, 0, a.length, a.length, b.length);
    }

    /** As {@link #nearDuplicate(String[], String[])} for two phrases' parts as ids, at ranges of {@code parts}. */
    static boolean nearDuplicate(int[] parts, int aStart, int aLength, int bStart, int bLength) {
        boolean aShorter = aLength <= bLength;
        int shorter = aShorter ? aStart : bStart;
        int shorterLength = aShorter ? aLength : bLength;
        int longer = aShorter ? bStart : aStart;
        int longerLength = aShorter ? bLength : aLength;
        int run = Math.min(2, shorterLength);
        for (int s = 0; s + run <= shorterLength; s++) {
            for (int l = 0; l + run <= longerLength; l++) {
                if (Arrays.equals(parts, shorter + s, shorter + s + run, parts, longer + l, longer + l + run)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The phrase as first written, lower-case, with whitespace collapsed; {@code buf} fits the span. */
    private static String surface(Document doc, int p, char[] buf) {
        int from = doc.tokenStart[doc.phraseFirst[p]];
        int to = doc.tokenEnd[doc.phraseFirst[p] + doc.phraseLength[p] - 1];
        int length = 0;
        for (int k = from; k < to; k++) {
            char c = Character.toLowerCase(doc.text[k]);
            if (Character.isWhitespace(c)) {
                if (buf[length - 1] != ' ') {
                    buf[length++] = ' ';
                }
            } else {
                buf[length++] = c;
            }
        }
        return new String(buf, 0, length);
    }
}
