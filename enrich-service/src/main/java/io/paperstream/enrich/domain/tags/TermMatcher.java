package io.paperstream.enrich.domain.tags;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * All taxonomy terms compiled into one token trie, so a text is tokenised once and every term is found in a
 * single pass (instead of one regex per term). Immutable after construction.
 */
final class TermMatcher {
    /** Longest term, in tokens, that a taxonomy may use. */
    static final int MAX_TERM_TOKENS = 6;

    private final Vocabulary lower = new Vocabulary();
    private final Vocabulary acronyms = new Vocabulary();
    private final LongIntMap edges = new LongIntMap(4096);
    private final int[][] terminals;
    /** Children of the trie root by token code: most tokens stop here, so the first step needs no hashing. */
    private final int[] rootChild;
    private final int[] termTag;
    private final int[] termLength;
    private final int tagCount;
    private final int maxLength;

    /** Compiles the terms of {@code tags}; term {@code k} of the result is the k-th term in tag order. */
    TermMatcher(List<TagDefinition> tags) {
        List<List<Integer>> nodeTerms = new ArrayList<>();
        nodeTerms.add(new ArrayList<>());
        List<Integer> tagOfTerm = new ArrayList<>();
        List<Integer> lengthOfTerm = new ArrayList<>();
        int longest = 1;
        for (int g = 0; g < tags.size(); g++) {
            for (TagDefinition.Term term : tags.get(g).terms()) {
                int[] codes = encode(term.text());
                int node = 0;
                for (int code : codes) {
                    long key = edge(node, code);
                    int child = edges.get(key, -1);
                    if (child < 0) {
                        child = nodeTerms.size();
                        nodeTerms.add(new ArrayList<>());
                        edges.put(key, child);
                    }
                    node = child;
                }
                nodeTerms.get(node).add(tagOfTerm.size());
                tagOfTerm.add(g);
                lengthOfTerm.add(codes.length);
                longest = Math.max(longest, codes.length);
            }
        }
        terminals = nodeTerms.stream()
                .map(list -> list.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        termTag = tagOfTerm.stream().mapToInt(Integer::intValue).toArray();
        termLength = lengthOfTerm.stream().mapToInt(Integer::intValue).toArray();
        tagCount = tags.size();
        maxLength = longest;
        rootChild = new int[Math.max(lower.size() * 2, acronyms.size() * 2 + 1) + 1];
        for (int code = 0; code < rootChild.length; code++) {
            rootChild[code] = edges.get(edge(0, code), -1);
        }
    }

    int termCount() {
        return termTag.length;
    }

    /**
     * Adds one to {@code counts[term]} for each occurrence of a term in {@code text}. Within one tag a term
     * inside a longer matched term is not counted again ("language model" inside "large language model").
     */
    void count(String text, int[] counts) {
        if (text == null || text.isEmpty()) {
            return;
        }
        TokenCodes tokens = tokenize(text);
        int[] coveredUntil = new int[tagCount];
        Found found = new Found();
        for (int i = 0; i < tokens.size; i++) {
            found.size = 0;
            walk(tokens, 0, i, 0, found);
            found.sortLongestFirst();
            for (int f = 0; f < found.size; f++) {
                int term = found.terms[f];
                int end = i + termLength[term];
                int tag = termTag[term];
                if (end > coveredUntil[tag]) {
                    coveredUntil[tag] = end;
                    counts[term]++;
                }
            }
        }
    }

    /** The normalised token sequence of a term, used to reject terms that collide after normalisation. */
    static String normalise(String term) {
        List<String> parts = new ArrayList<>();
        char[] chars = term.toCharArray();
        char[] buf = new char[chars.length];
        Words.scan(chars, chars.length, (text, start, end) -> {
            int len = Words.acronym(text, start, end, buf);
            if (len < 0) {
                len = Words.lowerStem(text, start, end, buf);
            }
            parts.add(new String(buf, 0, len));
        });
        return String.join(" ", parts);
    }

    private int[] encode(String term) {
        char[] chars = term.toCharArray();
        char[] buf = new char[chars.length];
        int[] codes = new int[MAX_TERM_TOKENS + 1];
        int[] n = {0};
        Words.scan(chars, chars.length, (text, start, end) -> {
            if (n[0] >= codes.length) {
                return;
            }
            int len = Words.acronym(text, start, end, buf);
            codes[n[0]++] = len >= 0
                    ? acronyms.intern(new String(buf, 0, len)) * 2 + 1
                    : lower.intern(new String(buf, 0, Words.lowerStem(text, start, end, buf))) * 2;
        });
        return Arrays.copyOf(codes, n[0]);
    }

    /**
     * Tokenises like {@link Words#scan} but in one pass per token (lower-casing and counting capitals while
     * scanning), since this runs for every paper.
     */
    private TokenCodes tokenize(String text) {
        char[] chars = text.toCharArray();
        int n = chars.length;
        char[] buf = new char[n];
        TokenCodes tokens = new TokenCodes(Math.max(8, n / 5));
        int i = 0;
        while (i < n) {
            char c = chars[i];
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
            int capitals = 0;
            while (i < n && Words.isWordChar(chars[i])) {
                char ch = chars[i];
                if (ch >= 'A' && ch <= 'Z') {
                    capitals++;
                    ch = (char) (ch + 32);
                } else if (ch >= 128 && Character.isUpperCase(ch)) {
                    capitals++;
                    ch = Character.toLowerCase(ch);
                }
                buf[i - start] = ch;
                i++;
            }
            if (i + 2 < n && chars[i] == ':' && chars[i + 1] == '/' && chars[i + 2] == '/') { // URL
                while (i < n && !Character.isWhitespace(chars[i])) {
                    i++;
                }
                continue;
            }
            int lowerId = lower.find(buf, 0, Words.stem(buf, i - start));
            int acronymId = -1;
            if (capitals >= 2) {
                acronymId = acronyms.find(chars, start, Words.acronymLength(chars, start, i));
            }
            tokens.add(lowerId < 0 ? -1 : lowerId * 2, acronymId < 0 ? -1 : acronymId * 2 + 1);
        }
        return tokens;
    }

    private void walk(TokenCodes tokens, int node, int pos, int depth, Found found) {
        if (pos >= tokens.size || depth >= maxLength) {
            return;
        }
        step(tokens, node, pos, depth, tokens.lower[pos], found);
        step(tokens, node, pos, depth, tokens.acronym[pos], found);
    }

    private void step(TokenCodes tokens, int node, int pos, int depth, int code, Found found) {
        if (code < 0) {
            return;
        }
        int child = node == 0 ? rootChild[code] : edges.get(edge(node, code), -1);
        if (child < 0) {
            return;
        }
        for (int term : terminals[child]) {
            found.add(term, depth + 1);
        }
        walk(tokens, child, pos + 1, depth + 1, found);
    }

    private static long edge(int node, int code) {
        return ((long) node << 32) | code;
    }

    /** Token codes of one text: the lower-case code and, for acronym-like tokens, the case-sensitive code. */
    private static final class TokenCodes {
        int[] lower;
        int[] acronym;
        int size;

        TokenCodes(int capacity) {
            lower = new int[capacity];
            acronym = new int[capacity];
        }

        void add(int lowerCode, int acronymCode) {
            if (size == lower.length) {
                lower = Arrays.copyOf(lower, size * 2);
                acronym = Arrays.copyOf(acronym, size * 2);
            }
            lower[size] = lowerCode;
            acronym[size] = acronymCode;
            size++;
        }
    }

    /** Terms ending at the current start position, with their lengths. */
    private static final class Found {
        int[] terms = new int[16];
        int[] lengths = new int[16];
        int size;

        void add(int term, int length) {
            if (size == terms.length) {
                terms = Arrays.copyOf(terms, size * 2);
                lengths = Arrays.copyOf(lengths, size * 2);
            }
            terms[size] = term;
            lengths[size] = length;
            size++;
        }

        void sortLongestFirst() {
            for (int i = 1; i < size; i++) {
                int t = terms[i];
                int l = lengths[i];
                int j = i - 1;
                while (j >= 0 && lengths[j] < l) {
                    terms[j + 1] = terms[j];
                    lengths[j + 1] = lengths[j];
                    j--;
                }
                terms[j + 1] = t;
                lengths[j + 1] = l;
            }
        }
    }
}
