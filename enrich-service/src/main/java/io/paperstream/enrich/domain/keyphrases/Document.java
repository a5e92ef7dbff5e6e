package io.paperstream.enrich.domain.keyphrases;

import java.util.Arrays;

/**
 * One paper's text as words and breaks, with the word and phrase statistics keyphrase scoring needs.
 * Built per call (so the extractor stays thread-safe) from primitive arrays, to stay within a few microseconds.
 */
final class Document {
    /** Longest keyphrase, in words. */
    static final int MAX_WORDS = 4;

    final String text;
    /** The text as chars: indexing an array is cheaper than String.charAt in the per-char loops. */
    private final char[] chars;
    final char[] lower;
    final WordTable words;
    /** Each distinct lower-case form seen, mapped to its word id (or -1 for a stopword): repeats cost one lookup. */
    private final WordTable forms;
    private int[] formWord = new int[64];

    // tokens: a word id, or -1 for a break (punctuation, stopword, number, field boundary)
    int tokens;
    int[] tokenWord;
    int[] tokenStart;
    int[] tokenEnd;
    boolean[] tokenInTitle;
    char[] tokenBreak;

    // per word id
    int[] tf = new int[64];
    int[] titleTf = new int[64];
    boolean[] capitalised = new boolean[64];
    boolean[] generic = new boolean[64];
    long[] expansion = new long[64]; // phrase key of the long form an acronym stands for, 0 = none

    // per phrase, numbered in order of first occurrence
    final LongIntMap phraseIndex;
    int phrases;
    int[] phraseFirst;
    int[] phraseLength;
    int[] phraseCount;
    int[] phraseTitleCount;
    /** How often the phrase has the same word before (after) it as at its first occurrence: a fragment's sign. */
    int[] phraseSameLeft;
    int[] phraseSameRight;
    private int[] phraseLeft;
    private int[] phraseRight;

    private final char[] scratch;

    Document(String text, int titleEnd) {
        this.text = text;
        this.chars = text.toCharArray();
        int n = text.length();
        lower = new char[n]; // filled for word chars while scanning
        scratch = new char[n + 1];
        words = new WordTable(n / 8, n);
        forms = new WordTable(n / 8, n);
        int capacity = n / 4 + 8;
        tokenWord = new int[capacity];
        tokenStart = new int[capacity];
        tokenEnd = new int[capacity];
        tokenInTitle = new boolean[capacity];
        tokenBreak = new char[capacity];
        scan(titleEnd);
        int maxPhrases = 8;
        for (int i = 0, run = 0; i < tokens; i++) {
            run = tokenWord[i] < 0 ? 0 : run + 1;
            maxPhrases += Math.min(run, MAX_WORDS); // n-grams ending at token i
        }
        phraseIndex = new LongIntMap(maxPhrases);
        phraseFirst = new int[maxPhrases];
        phraseLength = new int[maxPhrases];
        phraseCount = new int[maxPhrases];
        phraseTitleCount = new int[maxPhrases];
        phraseSameLeft = new int[maxPhrases];
        phraseSameRight = new int[maxPhrases];
        phraseLeft = new int[maxPhrases];
        phraseRight = new int[maxPhrases];
        findAcronyms();
        countPhrases();
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
     * Splits the text into tokens. Words keep inner hyphens ("vision-language"); URLs, inline LaTeX math and
     * LaTeX commands become breaks, as do stopwords and tokens with fewer than two letters (numbers, variables).
     */
    private void scan(int titleEnd) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = chars[i];
            boolean inTitle = i < titleEnd;
            if (i == titleEnd) {
                addBreak('\n', false);
                i++;
            } else if (isWordChar(c)) {
                i = word(i, inTitle ? titleEnd : n, inTitle);
            } else if (c == '$') {
                int close = text.indexOf('$', i + 1);
                i = close < 0 ? n : close + 1;
                addBreak('$', inTitle);
            } else if (c == '\\') {
                i++;
                while (i < n && Character.isLetter(chars[i])) {
                    i++;
                }
                addBreak('\\', inTitle);
            } else {
                if (!Character.isWhitespace(c)) {
                    addBreak(c, inTitle);
                }
                i++;
            }
        }
    }

    private int word(int start, int limit, boolean inTitle) {
        int i = start;
        int letters = 0;
        int capitals = 0;
        int hash = 0;
        while (i < limit) {
            char c = chars[i];
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                letters += c >= 'a' ? 1 : 0;
            } else if (c >= 'A' && c <= 'Z') {
                letters++;
                capitals++;
                c = (char) (c + 32);
            } else if (c >= 128 && Character.isLetterOrDigit(c)) {
                letters += Character.isLetter(c) ? 1 : 0;
                capitals += Character.isUpperCase(c) ? 1 : 0;
                c = Character.toLowerCase(c);
            } else if (c != '-' || i + 1 >= limit || !isWordChar(chars[i + 1])) {
                break;
            }
            lower[i++] = c;
            hash = 31 * hash + c;
        }
        int end = i;
        if (i + 2 < limit && chars[i] == ':' && chars[i + 1] == '/' && chars[i + 2] == '/') {
            while (i < limit && !Character.isWhitespace(chars[i])) {
                i++;
            }
            addBreak('/', inTitle);
            return i;
        }
        if (i + 1 < limit && (chars[i] == '\'' || chars[i] == '\u2019') && chars[i + 1] == 's'
                && (i + 2 == limit || !Character.isLetter(chars[i + 2]))) {
            i += 2; // possessive: "model's" is "model"
        }
        int id = letters < 2 ? -1 : wordId(start, end, WordTable.mix(hash, end - start));
        if (id < 0) {
            addBreak('w', inTitle);
        } else {
            addWord(id, start, end, inTitle, capitals >= 2);
        }
        return i;
    }

    /** The word id of the lower-case form {@code lower[start, end)}, or -1 for a stopword. */
    private int wordId(int start, int end, int hash) {
        int known = forms.size();
        int form = forms.intern(lower, start, end - start, hash);
        if (forms.size() == known) {
            return formWord[form];
        }
        if (form == formWord.length) {
            formWord = Arrays.copyOf(formWord, form * 2);
        }
        int id = -1;
        if (!Lexicon.isStopword(lower, start, end - start)) {
            int len = end - start;
            System.arraycopy(lower, start, scratch, 0, len);
            len = singular(scratch, len);
            id = words.intern(scratch, 0, len);
            if (id == tf.length) {
                growWords(id * 2);
            }
            generic[id] = Lexicon.isGeneric(scratch, 0, len);
        }
        formWord[form] = id;
        return id;
    }

    private void addWord(int id, int start, int end, boolean inTitle, boolean acronymLike) {
        tf[id]++;
        titleTf[id] += inTitle ? 1 : 0;
        capitalised[id] |= acronymLike;
        addToken(id, start, end, inTitle, ' ');
    }

    private void addBreak(char cause, boolean inTitle) {
        addToken(-1, -1, -1, inTitle, cause);
    }

    private void addToken(int word, int start, int end, boolean inTitle, char cause) {
        if (tokens == tokenWord.length) {
            int size = tokens * 2;
            tokenWord = Arrays.copyOf(tokenWord, size);
            tokenStart = Arrays.copyOf(tokenStart, size);
            tokenEnd = Arrays.copyOf(tokenEnd, size);
            tokenInTitle = Arrays.copyOf(tokenInTitle, size);
            tokenBreak = Arrays.copyOf(tokenBreak, size);
        }
        tokenWord[tokens] = word;
        tokenStart[tokens] = start;
        tokenEnd[tokens] = end;
        tokenInTitle[tokens] = inTitle;
        tokenBreak[tokens] = cause;
        tokens++;
    }

    private void growWords(int size) {
        tf = Arrays.copyOf(tf, size);
        titleTf = Arrays.copyOf(titleTf, size);
        capitalised = Arrays.copyOf(capitalised, size);
        generic = Arrays.copyOf(generic, size);
        expansion = Arrays.copyOf(expansion, size);
    }

    /**
     * Finds definitions like "large language models (LLMs)": the capitals of the acronym are the initials of the
     * words before the parenthesis. Later "LLMs" then count for the long form instead of being a duplicate.
     */
    private void findAcronyms() {
        for (int i = 2; i + 1 < tokens; i++) {
            int id = tokenWord[i];
            if (id < 0 || !capitalised[id] || expansion[id] != 0 || tokenBreak[i - 1] != '('
                    || tokenBreak[i + 1] != ')') {
                continue;
            }
            String acronym = capitals(i);
            String initials = "";
            for (int j = i - 2; j >= 0 && tokenWord[j] >= 0 && i - 1 - j <= MAX_WORDS; j--) {
                initials = initials(words.word(tokenWord[j])) + initials;
                if (initials.equals(acronym)) {
                    expansion[id] = key(j, i - 1 - j);
                    break;
                }
            }
        }
    }

    private String capitals(int token) {
        StringBuilder sb = new StringBuilder();
        for (int k = tokenStart[token]; k < tokenEnd[token]; k++) {
            if (Character.isUpperCase(chars[k])) {
                sb.append(lower[k]);
            }
        }
        return sb.toString();
    }

    private static String initials(String word) {
        StringBuilder sb = new StringBuilder().append(word.charAt(0));
        for (int k = 1; k < word.length(); k++) {
            if (word.charAt(k - 1) == '-') {
                sb.append(word.charAt(k));
            }
        }
        return sb.toString();
    }

    private void countPhrases() {
        for (int i = 0; i < tokens; i++) {
            long key = 0;
            for (int len = 1; len <= MAX_WORDS && i + len <= tokens; len++) {
                int w = tokenWord[i + len - 1];
                if (w < 0 || expansion[w] != 0) {
                    break;
                }
                key = (key << 16) | (w + 1);
                int p = phraseIndex.get(key, -1);
                int left = i > 0 ? tokenWord[i - 1] : -1;
                int right = i + len < tokens ? tokenWord[i + len] : -1;
                if (p < 0) {
                    p = phrases++;
                    phraseIndex.put(key, p);
                    phraseFirst[p] = i;
                    phraseLength[p] = len;
                    phraseLeft[p] = left;
                    phraseRight[p] = right;
                }
                phraseSameLeft[p] += left >= 0 && left == phraseLeft[p] ? 1 : 0;
                phraseSameRight[p] += right >= 0 && right == phraseRight[p] ? 1 : 0;
                phraseCount[p]++;
                phraseTitleCount[p] += tokenInTitle[i] ? 1 : 0;
            }
        }
        // an acronym's later uses count as uses of its long form; its definition "(LLMs)" does not count again
        for (int i = 1; i < tokens; i++) {
            int w = tokenWord[i];
            if (w >= 0 && expansion[w] != 0 && tokenBreak[i - 1] != '(') {
                int p = phraseIndex.get(expansion[w], -1);
                if (p >= 0) {
                    phraseCount[p]++;
                    phraseTitleCount[p] += tokenInTitle[i] ? 1 : 0;
                }
            }
        }
    }

    private static boolean isWordChar(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c);
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
        if (len > 4 && (endsWith(w, len, "sses") || endsWith(w, len, "ches") || endsWith(w, len, "shes")
                || endsWith(w, len, "xes") || endsWith(w, len, "iases"))) {
            return len - 2;
        }
        if (len > 3 && w[len - 1] == 's' && w[len - 2] != 's' && w[len - 2] != 'u' && w[len - 2] != 'i'
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
