package io.paperstream.enrich.domain.tags;

import io.paperstream.enrich.domain.LongIntMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * All taxonomy terms compiled into one token trie, so every term is found in a single pass over a paper's tokens
 * ({@link PaperTokens}, shared with the learned model's features) instead of one regex per term. Immutable after
 * construction.
 */
final class TermMatcher {
    /** Longest term, in tokens, that a taxonomy may use. */
    static final int MAX_TERM_TOKENS = 6;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final Vocabulary lower = new Vocabulary();
    private final Vocabulary acronyms = new Vocabulary();
    /** The terms ending at node {@code n}: {@code nodeTerm[nodeTermStart[n] .. nodeTermStart[n + 1])}. */
    private final int[] nodeTermStart;

    private final int[] nodeTerm;
    /**
     * Children of the trie root by token code + 1 (so code -1, no word, has none at 0): most tokens stop here,
     * so the first step is one array load.
     */
    private final int[] rootChild;
    /**
     * Children of the other nodes: node {@code n}'s edges are {@code [childStart[n], childStart[n + 1])} of
     * {@code childCode} (ascending) and {@code childNode}. Inner nodes have a handful of children, so scanning
     * them beats hashing (node, code).
     */
    private final int[] childStart;

    private final int[] childCode;
    private final int[] childNode;
    private final int[] termTag;
    private final int[] termLength;
    private final int tagCount;
    private final int maxLength;

    /** Compiles the terms of {@code tags}; term {@code k} of the result is the k-th term in tag order. */
    TermMatcher(List<TagDefinition> tags) {
        LongIntMap edges = new LongIntMap(4096);
        List<long[]> edgeList = new ArrayList<>(); // {node, code, child}
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
                        edges.putIfAbsent(key, child);
                        edgeList.add(new long[] {node, code, child});
                    }
                    node = child;
                }
                nodeTerms.get(node).add(tagOfTerm.size());
                tagOfTerm.add(g);
                lengthOfTerm.add(codes.length);
                longest = Math.max(longest, codes.length);
            }
        }
        nodeTermStart = new int[nodeTerms.size() + 1];
        for (int node = 0; node < nodeTerms.size(); node++) {
            nodeTermStart[node + 1] = nodeTermStart[node] + nodeTerms.get(node).size();
        }
        nodeTerm = nodeTerms.stream()
                .flatMap(List::stream)
                .mapToInt(Integer::intValue)
                .toArray();
        termTag = tagOfTerm.stream().mapToInt(Integer::intValue).toArray();
        termLength = lengthOfTerm.stream().mapToInt(Integer::intValue).toArray();
        tagCount = tags.size();
        maxLength = longest;
        rootChild = new int[Math.max(lower.size() * 2, acronyms.size() * 2 + 1) + 2];
        for (int code = -1; code + 1 < rootChild.length; code++) {
            rootChild[code + 1] = code < 0 ? -1 : edges.get(edge(0, code), -1);
        }
        edgeList.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        childStart = new int[nodeTerms.size() + 1];
        childCode = new int[edgeList.size()];
        childNode = new int[edgeList.size()];
        for (int e = 0; e < edgeList.size(); e++) {
            long[] edge = edgeList.get(e);
            childStart[(int) edge[0] + 1]++;
            childCode[e] = (int) edge[1];
            childNode[e] = (int) edge[2];
        }
        for (int node = 0; node < nodeTerms.size(); node++) {
            childStart[node + 1] += childStart[node];
        }
    }

    int termCount() {
        return termTag.length;
    }

    /** The tag of each term, by term index. */
    int[] termTags() {
        return termTag.clone();
    }

    /**
     * Counts each occurrence of a term in the paper's title and abstract into {@code counts}. Within one tag a term
     * inside a longer matched term is not counted again ("language model" inside "large language model").
     */
    void count(PaperTokens paper, TermCounts counts) {
        Scratch scratch = SCRATCH.get();
        count(paper, 0, paper.titleTokens, 0, paper.titleStarts, counts, true, scratch);
        count(paper, paper.titleTokens, paper.tokens, paper.titleStarts, paper.startCount, counts, false, scratch);
    }

    /** Counts the terms of one field: its tokens are {@code [from, to)}, those that may start a term listed in starts. */
    private void count(
            PaperTokens paper,
            int from,
            int to,
            int firstStart,
            int endStart,
            TermCounts counts,
            boolean inTitle,
            Scratch scratch) {
        if (from == to) {
            return;
        }
        int[] coveredUntil = scratch.coveredUntil(tagCount);
        Found found = scratch.found;
        for (int s = firstStart; s < endStart; s++) {
            int i = paper.starts[s];
            found.size = 0;
            walk(paper, to, 0, i, 0, found);
            if (found.size > 1) {
                found.sortLongestFirst();
            }
            for (int f = 0; f < found.size; f++) {
                int term = found.terms[f];
                int end = i + termLength[term];
                int tag = termTag[term];
                if (end > coveredUntil[tag]) {
                    coveredUntil[tag] = end;
                    counts.add(term, inTitle);
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
     * The term codes of the token {@code chars[start, end)} (a run of word chars, as written): the lower-case code in
     * the high half, the acronym code (for tokens with two or more capitals) in the low half, each -1 when the
     * taxonomy's terms do not use that form. {@code buf} holds at least {@code end - start} chars.
     */
    long codes(char[] chars, int start, int end, char[] buf) {
        int capitals = 0;
        for (int i = start; i < end; i++) {
            char ch = chars[i];
            char lowerCase;
            if (ch < 128) {
                lowerCase = Words.asciiWordLower(ch);
                capitals += lowerCase != ch ? 1 : 0;
            } else {
                lowerCase = ch;
                if (Character.isUpperCase(ch)) {
                    capitals++;
                    lowerCase = Character.toLowerCase(ch);
                }
            }
            buf[i - start] = lowerCase;
        }
        int stemmed = Words.stem(buf, end - start);
        int lowerId = lower.find(buf, 0, stemmed);
        int acronymId = -1;
        if (capitals >= 2) {
            acronymId = acronyms.find(chars, start, Words.acronymLength(chars, start, end));
        }
        int lowerCode = lowerId < 0 ? -1 : lowerId * 2;
        int acronymCode = acronymId < 0 ? -1 : acronymId * 2 + 1;
        return (long) lowerCode << 32 | (acronymCode & 0xFFFFFFFFL);
    }

    /** Whether a token of these codes (see {@link #codes}) begins some term. */
    boolean startsTerm(int lowerCode, int acronymCode) {
        // root children are positive and "none" is -1 (all bits set): the AND is -1 only when both are none
        return (rootChild[lowerCode + 1] & rootChild[acronymCode + 1]) >= 0;
    }

    private void walk(PaperTokens tokens, int limit, int node, int pos, int depth, Found found) {
        if (pos >= limit || depth >= maxLength) {
            return;
        }
        step(tokens, limit, node, pos, depth, tokens.lower[pos], found);
        step(tokens, limit, node, pos, depth, tokens.acronym[pos], found);
    }

    private void step(PaperTokens tokens, int limit, int node, int pos, int depth, int code, Found found) {
        if (code < 0) {
            return;
        }
        int child = node == 0 ? rootChild[code + 1] : child(node, code);
        if (child < 0) {
            return;
        }
        for (int t = nodeTermStart[child]; t < nodeTermStart[child + 1]; t++) {
            found.add(nodeTerm[t], depth + 1);
        }
        if (childStart[child] < childStart[child + 1]) { // most terms end at a leaf
            walk(tokens, limit, child, pos + 1, depth + 1, found);
        }
    }

    /** The child of inner node {@code node} along {@code code}, or -1. */
    private int child(int node, int code) {
        int from = childStart[node];
        int to = childStart[node + 1];
        if (to - from <= 8) {
            for (int e = from; e < to; e++) {
                if (childCode[e] == code) {
                    return childNode[e];
                }
            }
            return -1;
        }
        int e = Arrays.binarySearch(childCode, from, to, code);
        return e >= 0 ? childNode[e] : -1;
    }

    private static long edge(int node, int code) {
        return ((long) node << 32) | code;
    }

    /** One thread's matching state, reused so that counting allocates nothing per paper. */
    private static final class Scratch {
        final Found found = new Found();
        private int[] coveredUntil = new int[0];

        /** Per tag, the token position up to which a matched term covers the text: all 0. */
        int[] coveredUntil(int tags) {
            if (coveredUntil.length < tags) {
                coveredUntil = new int[tags];
            }
            Arrays.fill(coveredUntil, 0, tags, 0);
            return coveredUntil;
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
