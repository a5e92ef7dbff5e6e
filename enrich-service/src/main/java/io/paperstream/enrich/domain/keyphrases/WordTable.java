package io.paperstream.enrich.domain.keyphrases;

import java.util.Arrays;

/** Interns char ranges as dense word ids without creating a String per lookup. */
final class WordTable {
    private char[] pool;
    private int poolSize;
    private int[] starts;
    private int[] lengths;
    private int size;
    private int[] slots; // id + 1, 0 = empty
    private int[] hashes = new int[0];

    WordTable() {
        this(32, 256);
    }

    /** A table sized for {@code expectedWords} words of {@code expectedChars} chars in all, so it rarely grows. */
    WordTable(int expectedWords, int expectedChars) {
        int words = Math.max(8, expectedWords);
        pool = new char[Math.max(16, expectedChars)];
        starts = new int[words];
        lengths = new int[words];
        slots = new int[Integer.highestOneBit(words * 2 - 1) << 1];
    }

    /** Returns the id of {@code buf[off, off+len)}, or -1 when absent. */
    int find(char[] buf, int off, int len) {
        return find(buf, off, len, hash(buf, off, len));
    }

    private int find(char[] buf, int off, int len, int hash) {
        int mask = slots.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            int slot = slots[i];
            if (slot == 0) {
                return -1;
            }
            if (hashes[slot - 1] == hash && same(slot - 1, buf, off, len)) {
                return slot - 1;
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
        if ((size + 1) * 2 > slots.length) {
            rehash();
        }
        if (hashes.length == size) {
            hashes = Arrays.copyOf(hashes, Math.max(8, size * 2));
        }
        hashes[size] = hash;
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
        }
        if (poolSize + len > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
        }
        System.arraycopy(buf, off, pool, poolSize, len);
        starts[size] = poolSize;
        lengths[size] = len;
        poolSize += len;
        insert(size);
        return size++;
    }

    int intern(String word) {
        return intern(word.toCharArray(), 0, word.length());
    }

    String word(int id) {
        return new String(pool, starts[id], lengths[id]);
    }

    int size() {
        return size;
    }

    private boolean same(int id, char[] buf, int off, int len) {
        if (lengths[id] != len) {
            return false;
        }
        int s = starts[id];
        for (int k = 0; k < len; k++) {
            if (pool[s + k] != buf[off + k]) {
                return false;
            }
        }
        return true;
    }

    private void insert(int id) {
        int mask = slots.length - 1;
        int i = hashes[id] & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = id + 1;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        for (int id = 0; id < size; id++) {
            insert(id);
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
