package io.paperstream.enrich.domain.keyphrases;

import io.paperstream.enrich.domain.LongIntMap;
import java.util.Arrays;

/**
 * One paper's text as words and breaks, with the word and phrase statistics keyphrase scoring needs. Each thread
 * reuses one instance paper after paper ({@link #load}), so the arrays are allocated once and only the used part
 * is reset: allocating and zeroing them per paper cost more than the counting.
 */
final class Document {
    /** Longest keyphrase, in words. */
    static final int MAX_WORDS = 4;
    /** Which ASCII chars are letters or digits: one load per char instead of three range checks. */
    private static final boolean[] ASCII_WORD_CHAR = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD_CHAR[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
    }

    /** The text: only {@link #length} chars are this paper's. */
    char[] text = new char[0];

    int length;
    final WordCache cache = new WordCache();

    // tokens: a word id, or -1 for a break (punctuation, stopword, number, field boundary); each token takes at
    // least one char, so arrays of the text's length never overflow
    int tokens;
    int[] tokenWord = new int[256];
    /** Where each word token starts and ends in the text (not kept for breaks). */
    int[] tokenStart = new int[256];

    int[] tokenEnd = new int[256];
    /**
     * What made each break: 'w' a stopword or a token with fewer than two letters, '/' a URL, '$' math, '\' a
     * LaTeX command, '\n' the title's end, else the punctuation char itself; ' ' for a word.
     */
    char[] tokenBreak = new char[256];
    /** The tokens before this one are the title's. */
    int titleTokens;
    /** The tokens that are words, in order: phrases start only there. */
    private int[] wordTokens = new int[256];

    private int wordTokenCount;

    // per word id: this paper's words, numbered in order of first occurrence
    int words;
    /** The {@link WordCache} id of each word. */
    int[] cacheId = new int[64];

    int[] tf = new int[64];
    int[] titleTf = new int[64];
    boolean[] capitalised = new boolean[64];
    boolean[] generic = new boolean[64];
    long[] expansion = new long[64]; // phrase key of the long form an acronym stands for, 0 = none
    /** The phrase of each word alone, -1 = none yet: single words need no hashing. */
    private int[] wordPhrase = new int[64];
    /** This paper's id of each cache id, valid where {@code seenIn} holds this paper's {@code paper} number. */
    private int[] wordOfCacheId = new int[0];

    private int[] seenIn = new int[0];
    private int paper;
    /** Words in a row so far, and the n-grams (up to MAX_WORDS long) ending at the tokens so far. */
    private int run;

    private int ngrams;
    /** The tokens that follow an opening parenthesis: where acronyms are defined, "models (LLMs)". */
    private int[] afterParenthesis = new int[16];

    private int parentheses;
    private boolean anyExpansion;
    private final AcronymDefinitions acronyms = new AcronymDefinitions();

    // per phrase, numbered in order of first occurrence; phrases of two or more words by their packed key
    private final LongIntMap phraseIndex = new LongIntMap(16);
    int phrases;
    int[] phraseFirst = new int[256];
    int[] phraseLength = new int[256];
    int[] phraseCount = new int[256];
    int[] phraseTitleCount = new int[256];
    /** How often the phrase has the same word before (after) it as at its first occurrence: a fragment's sign. */
    int[] phraseSameLeft = new int[256];

    int[] phraseSameRight = new int[256];
    private int[] phraseLeft = new int[256];
    private int[] phraseRight = new int[256];

    /**
     * Reads a paper: the title, then (when not null) a line break and the abstract, cut at {@code maxChars}.
     * Everything from the previous paper is forgotten.
     */
    void load(String title, String abstractText, int maxChars) {
        int n = Math.min(maxChars, title.length() + (abstractText == null ? 0 : 1 + abstractText.length()));
        if (text.length < n) {
            text = new char[Math.max(n, text.length * 2)];
        }
        length = n;
        int titleEnd = Math.min(title.length(), n);
        title.getChars(0, titleEnd, text, 0);
        if (abstractText != null && n > titleEnd) {
            text[titleEnd] = '\n';
            abstractText.getChars(0, n - titleEnd - 1, text, titleEnd + 1);
        }
        startPaper(n + 1);
        int i = scan(0, titleEnd, true);
        titleTokens = tokens;
        if (i == titleEnd && titleEnd < n) { // not when an unclosed "$" in the title ran past it
            addBreak('\n');
            i++;
        }
        scan(i, n, false);
        int maxPhrases = ngrams + 8; // at most every n-gram is a new phrase
        phraseIndex.clear(maxPhrases);
        if (phraseFirst.length < maxPhrases) {
            growPhrases(Math.max(maxPhrases, phraseFirst.length * 2));
        }
        // definitions like "large language models (LLMs)": later "LLMs" then count for the long form instead of
        // being a duplicate
        anyExpansion = acronyms.find(this, afterParenthesis, parentheses);
        countPhrases();
    }

    private void startPaper(int maxTokens) {
        tokens = 0;
        wordTokenCount = 0;
        words = 0;
        phrases = 0;
        run = 0;
        ngrams = 0;
        parentheses = 0;
        anyExpansion = false;
        if (tokenWord.length < maxTokens) {
            int size = Math.max(maxTokens, tokenWord.length * 2);
            tokenWord = new int[size];
            tokenStart = new int[size];
            tokenEnd = new int[size];
            tokenBreak = new char[size];
            wordTokens = new int[size];
        }
        if (cache.clearIfFull() || paper == Integer.MAX_VALUE) {
            Arrays.fill(seenIn, 0); // cache ids are given again (or paper numbers would repeat)
            paper = 0;
        }
        paper++;
    }

    /** The packed key of {@code length} words starting at token {@code first}. */
    long key(int first, int length) {
        long key = 0;
        for (int k = 0; k < length; k++) {
            key = (key << 16) | (tokenWord[first + k] + 1);
        }
        return key;
    }

    /**
     * Splits {@code text[from, limit)} (the title or the abstract) into tokens and returns where it stopped: at
     * {@code limit}, or past it after an unclosed "$". Words keep inner hyphens ("vision-language"); URLs, inline
     * LaTeX math and LaTeX commands become breaks, as do stopwords and tokens with fewer than two letters.
     */
    private int scan(int from, int limit, boolean inTitle) {
        char[] chars = text;
        int i = from;
        while (i < limit) {
            char c = chars[i];
            if (c == ' ') {
                i++; // most chars between words
            } else if (isWordChar(c)) {
                i = word(i, limit, inTitle);
            } else if (c == '$') {
                int close = indexOf('$', i + 1);
                i = close < 0 ? length : close + 1;
                addBreak('$');
            } else if (c == '\\') {
                i++;
                while (i < length && Character.isLetter(chars[i])) {
                    i++;
                }
                addBreak('\\');
            } else {
                if (!Character.isWhitespace(c)) {
                    addBreak(c);
                }
                i++;
            }
        }
        return i;
    }

    private int indexOf(char c, int from) {
        for (int k = from; k < length; k++) {
            if (text[k] == c) {
                return k;
            }
        }
        return -1;
    }

    private int word(int start, int limit, boolean inTitle) {
        char[] chars = text;
        int i = start;
        int hash = 0;
        // only find the token's end and hash it: what it means (stopword, plural, acronym) is cached per form
        while (i < limit) {
            char c = chars[i];
            if (c < 128
                    ? !ASCII_WORD_CHAR[c] && (c != '-' || i + 1 >= limit || !isWordChar(chars[i + 1]))
                    : !Character.isLetterOrDigit(c)) {
                break;
            }
            hash = 31 * hash + c;
            i++;
        }
        int end = i;
        if (i + 2 < limit && chars[i] == ':' && chars[i + 1] == '/' && chars[i + 2] == '/') {
            while (i < limit && !Character.isWhitespace(chars[i])) {
                i++;
            }
            addBreak('/');
            return i;
        }
        if (i + 1 < limit
                && (chars[i] == '\'' || chars[i] == '\u2019')
                && chars[i + 1] == 's'
                && (i + 2 == limit || !Character.isLetter(chars[i + 2]))) {
            i += 2; // possessive: "model's" is "model"
        }
        int token = cache.token(chars, start, end - start, WordTable.mix(hash, end - start));
        if (token == WordCache.NO_WORD) {
            addBreak('w');
        } else {
            addWord(wordId(token >>> 1), start, end, inTitle, (token & 1) != 0);
        }
        return i;
    }

    /** This paper's id of the cached word {@code cached}, numbering words in order of first occurrence. */
    private int wordId(int cached) {
        if (cached >= seenIn.length) {
            int size = Math.max(cached + 1, Math.max(1024, seenIn.length * 2));
            seenIn = Arrays.copyOf(seenIn, size);
            wordOfCacheId = Arrays.copyOf(wordOfCacheId, size);
        }
        if (seenIn[cached] == paper) {
            return wordOfCacheId[cached];
        }
        int id = words++;
        if (id == tf.length) {
            growWords(id * 2);
        }
        seenIn[cached] = paper;
        wordOfCacheId[cached] = id;
        cacheId[id] = cached;
        tf[id] = 0;
        titleTf[id] = 0;
        capitalised[id] = false;
        generic[id] = cache.generic(cached);
        expansion[id] = 0;
        wordPhrase[id] = -1;
        return id;
    }

    private void addWord(int id, int start, int end, boolean inTitle, boolean acronymLike) {
        run++;
        ngrams += Math.min(run, MAX_WORDS);
        wordTokens[wordTokenCount++] = tokens;
        tf[id]++;
        titleTf[id] += inTitle ? 1 : 0;
        capitalised[id] |= acronymLike;
        tokenWord[tokens] = id;
        tokenStart[tokens] = start;
        tokenEnd[tokens] = end;
        tokenBreak[tokens] = ' ';
        tokens++;
    }

    private void addBreak(char cause) {
        run = 0;
        if (cause == '(') {
            if (parentheses == afterParenthesis.length) {
                afterParenthesis = Arrays.copyOf(afterParenthesis, parentheses * 2);
            }
            afterParenthesis[parentheses++] = tokens + 1;
        }
        tokenWord[tokens] = -1;
        tokenBreak[tokens] = cause;
        tokens++;
    }

    private void growWords(int size) {
        cacheId = Arrays.copyOf(cacheId, size);
        tf = Arrays.copyOf(tf, size);
        titleTf = Arrays.copyOf(titleTf, size);
        capitalised = Arrays.copyOf(capitalised, size);
        generic = Arrays.copyOf(generic, size);
        expansion = Arrays.copyOf(expansion, size);
        wordPhrase = Arrays.copyOf(wordPhrase, size);
    }

    private void growPhrases(int size) {
        phraseFirst = new int[size];
        phraseLength = new int[size];
        phraseCount = new int[size];
        phraseTitleCount = new int[size];
        phraseSameLeft = new int[size];
        phraseSameRight = new int[size];
        phraseLeft = new int[size];
        phraseRight = new int[size];
    }

    private void countPhrases() {
        for (int t = 0; t < wordTokenCount; t++) {
            int i = wordTokens[t];
            long key = 0;
            int left = i > 0 ? tokenWord[i - 1] : -1;
            for (int len = 1; len <= MAX_WORDS && i + len <= tokens; len++) {
                int w = tokenWord[i + len - 1];
                if (w < 0 || expansion[w] != 0) {
                    break;
                }
                key = (key << 16) | (w + 1);
                int right = i + len < tokens ? tokenWord[i + len] : -1;
                int p;
                if (len == 1) {
                    if (wordPhrase[w] < 0) {
                        wordPhrase[w] = phrases;
                    }
                    p = wordPhrase[w];
                } else {
                    p = phraseIndex.putIfAbsent(key, phrases);
                }
                if (p == phrases) {
                    phrases++;
                    phraseFirst[p] = i;
                    phraseLength[p] = len;
                    phraseLeft[p] = left;
                    phraseRight[p] = right;
                    phraseSameLeft[p] = 0;
                    phraseSameRight[p] = 0;
                    phraseCount[p] = 0;
                    phraseTitleCount[p] = 0;
                }
                phraseSameLeft[p] += left >= 0 && left == phraseLeft[p] ? 1 : 0;
                phraseSameRight[p] += right >= 0 && right == phraseRight[p] ? 1 : 0;
                phraseCount[p]++;
                phraseTitleCount[p] += i < titleTokens ? 1 : 0;
            }
        }
        // an acronym's later uses count as uses of its long form; its definition "(LLMs)" does not count again
        for (int i = 1; i < tokens && anyExpansion; i++) {
            int w = tokenWord[i];
            if (w >= 0 && expansion[w] != 0 && tokenBreak[i - 1] != '(') {
                int p = phrase(expansion[w]);
                if (p >= 0) {
                    phraseCount[p]++;
                    phraseTitleCount[p] += i < titleTokens ? 1 : 0;
                }
            }
        }
    }

    /** The phrase with packed key {@code key}, or -1. */
    private int phrase(long key) {
        return key < 1 << 16 ? wordPhrase[(int) key - 1] : phraseIndex.get(key, -1);
    }

    private static boolean isWordChar(char c) {
        return c < 128 ? ASCII_WORD_CHAR[c] : Character.isLetterOrDigit(c);
    }

    /** Strips a plural ending in place and returns the new length, so "models" and "model" are one word. */
    static int singular(char[] w, int len) {
        if (len < 4 || w[len - 1] != 's') {
            return len; // most words: no plural ending to look at
        }
        if (len > 4 && endsWith(w, len, "ies")) {
            w[len - 3] = 'y';
            return len - 2;
        }
        if (len > 4
                && (endsWith(w, len, "sses")
                        || endsWith(w, len, "ches")
                        || endsWith(w, len, "shes")
                        || endsWith(w, len, "xes")
                        || endsWith(w, len, "iases"))) {
            return len - 2;
        }
        if (len > 3
                && w[len - 1] == 's'
                && w[len - 2] != 's'
                && w[len - 2] != 'u'
                && w[len - 2] != 'i'
                && !endsWith(w, len, "ias")) {
            return len - 1;
        }
        return len;
    }

    private static boolean endsWith(char[] w, int len, String suffix) {
        int n = suffix.length();
        if (len < n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (w[len - n + k] != suffix.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
