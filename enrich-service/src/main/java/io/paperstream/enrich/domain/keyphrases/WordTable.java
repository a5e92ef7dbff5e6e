package io.paperstream.enrich.domain.keyphrases;

import io.paperstream.enrich.domain.CharSpans;
import java.util.Arrays;

/** Interns char ranges as dense word ids without creating a String per lookup. */
final class WordTable {
    private char[] pool;
    private int poolSize;
    /**
     * Open addressing with two longs per slot, {@code (hash << 32) | (id + 1)} (0 = empty) and
     * {@code (start << 32) | length} of the word in {@link #pool}: a probe reads one cache line, not one per array.
     */
    private long[] slots;
    /** Each id's {@code (start << 32) | length}, for {@link #word} and {@link #copy}. */
    private long[] spans;

    private int size;

    WordTable() {
        this(32, 256);
    }

    /** A table sized for {@code expectedWords} words of {@code expectedChars} chars in all, so it rarely grows. */
    WordTable(int expectedWords, int expectedChars) {
        int words = Math.max(8, expectedWords);
        pool = new char[Math.max(16, expectedChars)];
        spans = new long[words];
        slots = new long[2 * (Integer.highestOneBit(words * 2 - 1) << 1)];
    }

    /** Returns the id of {@code buf[off, off+len)}, or -1 when absent. */
    int find(char[] buf, int off, int len) {
        return find(buf, off, len, hash(buf, off, len));
    }

    /** As {@link #find(char[], int, int)} with the hash already computed (see {@link #mix}) while scanning. */
    int find(char[] buf, int off, int len, int hash) {
        int mask = slots.length - 2;
        for (int i = (hash << 1) & mask; ; i = (i + 2) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                return -1;
            }
            if ((int) (slot >>> 32) == hash && CharSpans.same(pool, slots[i + 1], buf, off, len)) {
                return (int) slot - 1;
            }
        }
    }

    /** Returns the id of {@code buf[off, off+len)}, adding it when new. */
    int intern(char[] buf, int off, int len) {
        return intern(buf, off, len, hash(buf, off, len));
    }

    /** As {@link #intern(char[], int, int)} with the hash already computed (see {@link #mix}) while scanning. */
    int intern(char[] buf, int off, int len, int hash) {
        int id = find(buf, off, len, hash);
        if (id >= 0) {
            return id;
        }
        if ((size + 1) * 4 > slots.length) { // at most half the slots used
            rehash();
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
        insert(hash, size);
        return size++;
    }

    int intern(String word) {
        return intern(word.toCharArray(), 0, word.length());
    }

    /** Copies word {@code id} into {@code out} (large enough) and returns its length. */
    int copy(int id, char[] out) {
        System.arraycopy(pool, (int) (spans[id] >>> 32), out, 0, (int) spans[id]);
        return (int) spans[id];
    }

    int length(int id) {
        return (int) spans[id];
    }

    int size() {
        return size;
    }

    /** Forgets every word; ids are given from 0 again. */
    void clear() {
        Arrays.fill(slots, 0L);
        size = 0;
        poolSize = 0;
    }

    private void insert(int hash, int id) {
        int mask = slots.length - 2;
        int i = (hash << 1) & mask;
        while (slots[i] != 0) {
            i = (i + 2) & mask;
        }
        slots[i] = ((long) hash << 32) | (id + 1);
        slots[i + 1] = spans[id];
    }

    private void rehash() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) {
                insert((int) (old[i] >>> 32), (int) old[i] - 1);
            }
        }
    }

    private static int hash(char[] buf, int off, int len) {
        int h = 0;
        for (int k = off; k < off + len; k++) {
            h = 31 * h + buf[k];
        }
        return mix(h, len);
    }

    /** Finishes {@code polynomial} (31 * h + c over the chars, from 0) into the table's hash. */
    static int mix(int polynomial, int len) {
        // murmur3 fmix32: short words differ in few bits, the table index uses the low bits
        int h = polynomial ^ len;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
