package io.paperstream.enrich.domain.tags;

import java.util.Arrays;

/**
 * A paper's title and abstract as word tokens ({@link Words#scan}'s rules), scanned once for both the term matcher
 * and the learned model's features. What a token as written means to them (its term codes; its feature hash and
 * the model entries of its word and title-word features) is remembered across papers by form: abstracts share most
 * of their vocabulary, so after a few papers a token costs one lookup instead of lower-casing, stemming, hashing and
 * several table probes. Never changes a result, only how soon it is known; emptied when it grows past a bound.
 * One per thread and tagger (the cached meanings are its matcher's and model's); not thread-safe.
 */
final class PaperTokens {
    /** More distinct forms than this empties the cache before the next paper (a paper brings a few hundred). */
    private static final int MAX_FORMS = 1 << 15;

    private final TermMatcher matcher;
    /** The tagger's learned model, or null. */
    private final ArxivModel model;

    // the paper: tokens [0, titleTokens) are the title's, [titleTokens, tokens) the abstract's
    int tokens;
    int titleTokens;
    /** Each token's form. */
    int[] form = new int[256];
    /** Each token's term codes (see {@link TermMatcher#codes}). */
    int[] lower = new int[256];

    int[] acronym = new int[256];
    /** The tokens that may start a term: {@code [0, titleStarts)} in the title, up to {@code startCount} in all. */
    int[] starts = new int[256];

    int titleStarts;
    int startCount;
    private char[] text = new char[1024];

    // per form, remembered across papers
    private final Vocabulary forms = new Vocabulary();
    private int[] formLower = new int[1024];
    private int[] formAcronym = new int[1024];
    private boolean[] formStartsTerm = new boolean[1024];
    /** Whether the form makes no feature and breaks word pairs (see {@link ArxivFeatures#normalise}). */
    boolean[] breaksPairs = new boolean[1024];
    /** The hash of the normalised form, for pair features. */
    long[] featureHash = new long[1024];
    /** The model entries of the form's word and title-word features, -1 for none. */
    int[] wordEntry = new int[1024];

    int[] titleEntry = new int[1024];
    private char[] scratch = new char[64];

    PaperTokens(TermMatcher matcher, ArxivModel model) {
        this.matcher = matcher;
        this.model = model;
    }

    /** Reads a paper (title and abstract may be null); everything from the previous paper is forgotten. */
    void load(String title, String abstractText) {
        int capacity = (title == null ? 0 : title.length()) + (abstractText == null ? 0 : abstractText.length());
        if (form.length < capacity) { // a token takes at least one char
            int size = Math.max(capacity, form.length * 2);
            form = new int[size];
            lower = new int[size];
            acronym = new int[size];
            starts = new int[size];
        }
        if (forms.size() > MAX_FORMS) {
            forms.clear();
        }
        tokens = 0;
        startCount = 0;
        scan(title);
        titleTokens = tokens;
        titleStarts = startCount;
        scan(abstractText);
    }

    private void scan(String field) {
        if (field == null || field.isEmpty()) {
            return;
        }
        int n = field.length();
        if (text.length < n) {
            text = new char[Math.max(n, text.length * 2)];
        }
        char[] chars = text;
        field.getChars(0, n, chars, 0);
        int i = 0;
        while (i < n) {
            char c = chars[i];
            if (c == ' ') {
                i++; // most chars between words
                continue;
            }
            if (c == '\\') { // LaTeX command: its name is not evidence
                i++;
                while (i < n && Character.isLetter(chars[i])) {
                    i++;
                }
                continue;
            }
            if (!Words.isWordChar(c)) {
                i++;
                continue;
            }
            int start = i;
            int hash = 0;
            for (; i < n; i++) {
                char ch = chars[i];
                if (ch < 128 ? Words.asciiWordLower(ch) == 0 : !Character.isLetterOrDigit(ch)) {
                    break;
                }
                hash = 31 * hash + ch;
            }
            if (i + 2 < n && chars[i] == ':' && chars[i + 1] == '/' && chars[i + 2] == '/') { // URL
                while (i < n && !Character.isWhitespace(chars[i])) {
                    i++;
                }
                continue;
            }
            int f = forms.find(chars, start, i - start, hash);
            if (f < 0) {
                f = learn(chars, start, i, hash);
            }
            int t = tokens++;
            form[t] = f;
            lower[t] = formLower[f];
            acronym[t] = formAcronym[f];
            starts[startCount] = t;
            startCount += formStartsTerm[f] ? 1 : 0; // no branch: whether a token starts a term is hard to predict
        }
    }

    /** Adds the form {@code chars[start, end)} with what it means to the matcher and the model. */
    private int learn(char[] chars, int start, int end, int hash) {
        int f = forms.intern(chars, start, end - start, hash);
        if (f == formLower.length) {
            int size = f * 2;
            formLower = Arrays.copyOf(formLower, size);
            formAcronym = Arrays.copyOf(formAcronym, size);
            formStartsTerm = Arrays.copyOf(formStartsTerm, size);
            breaksPairs = Arrays.copyOf(breaksPairs, size);
            featureHash = Arrays.copyOf(featureHash, size);
            wordEntry = Arrays.copyOf(wordEntry, size);
            titleEntry = Arrays.copyOf(titleEntry, size);
        }
        if (scratch.length < Math.max(end - start, ArxivFeatures.MAX_WORD)) {
            scratch = new char[Math.max(end - start, scratch.length * 2)];
        }
        long codes = matcher.codes(chars, start, end, scratch);
        formLower[f] = (int) (codes >> 32);
        formAcronym[f] = (int) codes;
        formStartsTerm[f] = matcher.startsTerm(formLower[f], formAcronym[f]);
        int len = ArxivFeatures.normalise(chars, start, end, scratch);
        breaksPairs[f] = len < 0;
        featureHash[f] = len < 0 ? 0 : ArxivFeatures.hash(scratch, 0, len);
        wordEntry[f] =
                len < 0 || model == null ? -1 : model.entry(ArxivFeatures.key(ArxivFeatures.WORD, featureHash[f]));
        titleEntry[f] = len < 0 || model == null
                ? -1
                : model.entry(ArxivFeatures.key(ArxivFeatures.TITLE_WORD, featureHash[f]));
        return f;
    }
}
