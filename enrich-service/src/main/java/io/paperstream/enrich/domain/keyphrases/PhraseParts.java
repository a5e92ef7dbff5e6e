package io.paperstream.enrich.domain.keyphrases;

import java.util.Arrays;

/**
 * Phrases as word parts (hyphens split, singular) for the near-duplicate rules, as {@link WordCache} word ids so
 * comparing parts is comparing ints. Computed only for the few phrases compared; reused per thread.
 */
final class PhraseParts {
    private Document doc;
    private int[] start = new int[256]; // into pool, -1 = not computed
    private int[] length = new int[256];
    private int[] pool = new int[256];
    private int size;

    /** Forgets the previous paper's phrases. */
    void reset(Document document) {
        doc = document;
        if (start.length < doc.phrases) {
            start = new int[Math.max(doc.phrases, start.length * 2)];
            length = new int[start.length];
        }
        Arrays.fill(start, 0, doc.phrases, -1);
        size = 0;
    }

    int[] pool() {
        return pool;
    }

    /** Where phrase {@code p}'s parts start in {@link #pool()}. */
    int start(int p) {
        if (start[p] < 0) {
            compute(p);
        }
        return start[p];
    }

    int length(int p) {
        if (start[p] < 0) {
            compute(p);
        }
        return length[p];
    }

    private void compute(int p) {
        WordCache cache = doc.cache;
        int from = size;
        for (int k = 0; k < doc.phraseLength[p]; k++) {
            int word = doc.cacheId[doc.tokenWord[doc.phraseFirst[p] + k]];
            int partsStart = cache.partsStart(word);
            int partsLength = cache.partsLength(word);
            if (size + partsLength > pool.length) {
                pool = Arrays.copyOf(pool, Math.max(pool.length * 2, size + partsLength));
            }
            System.arraycopy(cache.parts(), partsStart, pool, size, partsLength);
            size += partsLength;
        }
        start[p] = from;
        length[p] = size - from;
    }

    /** Whether phrases {@code a} and {@code b} share a word that is not generic ("model" may repeat). */
    boolean shareSpecificWord(int a, int b) {
        int aFrom = start(a);
        int aTo = aFrom + length(a);
        int bFrom = start(b);
        int bTo = bFrom + length(b);
        for (int i = aFrom; i < aTo; i++) {
            if (doc.cache.generic(pool[i])) {
                continue;
            }
            for (int j = bFrom; j < bTo; j++) {
                if (pool[i] == pool[j]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether phrases {@code a} and {@code b} repeat each other (see {@link KeyphraseExtractor#nearDuplicate}). */
    boolean nearDuplicate(int a, int b) {
        int aStart = start(a);
        int aLength = length(a);
        int bStart = start(b);
        int bLength = length(b); // computing parts may grow the pool: read it last
        return KeyphraseExtractor.nearDuplicate(pool, aStart, aLength, bStart, bLength);
    }
}
