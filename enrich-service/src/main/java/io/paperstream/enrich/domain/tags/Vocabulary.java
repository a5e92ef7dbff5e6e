package io.paperstream.enrich.domain.tags;

import io.paperstream.enrich.domain.CharSpans;
import java.util.Arrays;

/** Interns words to dense ids and looks up a char range without allocating a String. */
final class Vocabulary {
    // all words back to back in one array, so a lookup touches one array instead of one object per word
    private char[] pool = new char[256];
    private int poolSize;
    /** Each id's {@code (start << 32) | length} in {@link #pool}. */
    private long[] spans = new long[32];

    private int size;
    /**
     * Open addressing, {@code (hash << 32) | (id + 1)} per slot (0 = empty): most text words are not taxonomy
     * words, and the hash in the slot rejects them without reading another array.
     */
    private long[] slots = new long[64];

    private int shift = 32 - 6; // slots.length == 1 << (32 - shift)

    /** Returns the id of {@code word}, adding it when new. */
    int intern(String word) {
        char[] chars = word.toCharArray();
        return intern(chars, 0, chars.length, hash(chars, 0, chars.length));
    }

    /** Returns the id of {@code buf[off, off+len)} (its {@link #hash} given), adding it when new. */
    int intern(char[] buf, int off, int len, int hash) {
        int id = find(buf, off, len, hash);
        if (id >= 0) {
            return id;
        }
        if (size == spans.length) {
            spans = Arrays.copyOf(spans, size * 2);
        }
        if (poolSize + len > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
        }
        System.arraycopy(buf, off, pool, poolSize, len);
        spans[size] = ((long) poolSize << 32) | len;
        poolSize += len;
        size++;
        if (size * 2 > slots.length) {
            long[] old = slots;
            slots = new long[slots.length * 2];
            shift--;
            for (long slot : old) {
                if (slot != 0) {
                    insert(slot);
                }
            }
        }
        insert(((long) hash << 32) | size);
        return size - 1;
    }

    /** Forgets every word (ids are given from 0 again); the arrays are kept. */
    void clear() {
        Arrays.fill(slots, 0L);
        size = 0;
        poolSize = 0;
    }

    /** Returns the id of {@code buf[off, off+len)}, or -1. */
    int find(char[] buf, int off, int len) {
        return find(buf, off, len, hash(buf, off, len));
    }

    /** As {@link #find(char[], int, int)} with the {@link #hash} already computed (the tokenizer does it). */
    int find(char[] buf, int off, int len, int hash) {
        int mask = slots.length - 1;
        for (int i = index(hash); ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                return -1;
            }
            if ((int) (slot >>> 32) == hash && CharSpans.same(pool, spans[(int) slot - 1], buf, off, len)) {
                return (int) slot - 1;
            }
        }
    }

    int size() {
        return size;
    }

    private void insert(long slot) {
        int mask = slots.length - 1;
        int i = index((int) (slot >>> 32));
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = slot;
    }

    /** The hash of {@code buf[off, off+len)}: the chars' polynomial {@code 31 * h + c}, as the tokenizer computes it. */
    static int hash(char[] buf, int off, int len) {
        int h = 0;
        for (int k = off; k < off + len; k++) {
            h = 31 * h + buf[k];
        }
        return h;
    }

    /** The home slot of a hash: Fibonacci hashing takes the well-mixed high bits of one multiplication. */
    private int index(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }
}
