package io.paperstream.enrich.domain.tags;

import java.util.Arrays;

/** Interns words to dense ids and looks up a char range without allocating a String. */
final class Vocabulary {
    // all words back to back in one array, so a lookup touches one array instead of one object per word
    private char[] pool = new char[256];
    private int poolSize;
    private int[] starts = new int[32];
    private int[] lengths = new int[32];
    private int[] hashes = new int[32];
    private int size;
    private int[] slots = new int[64]; // id + 1, 0 = empty
    private int shift = 32 - 6; // slots.length == 1 << (32 - shift)

    /** Returns the id of {@code word}, adding it when new. */
    int intern(String word) {
        char[] chars = word.toCharArray();
        int hash = hash(chars, 0, chars.length);
        int id = find(chars, 0, chars.length, hash);
        if (id >= 0) {
            return id;
        }
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        if (poolSize + chars.length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + chars.length));
        }
        System.arraycopy(chars, 0, pool, poolSize, chars.length);
        starts[size] = poolSize;
        lengths[size] = chars.length;
        hashes[size] = hash;
        poolSize += chars.length;
        size++;
        if (size * 2 > slots.length) {
            slots = new int[slots.length * 2];
            shift--;
            for (int k = 0; k < size; k++) {
                insert(k);
            }
        } else {
            insert(size - 1);
        }
        return size - 1;
    }

    /** Returns the id of {@code buf[off, off+len)}, or -1. */
    int find(char[] buf, int off, int len) {
        return find(buf, off, len, hash(buf, off, len));
    }

    /** As {@link #find(char[], int, int)} with the {@link #hash} already computed (the tokenizer does it). */
    int find(char[] buf, int off, int len, int hash) {
        int mask = slots.length - 1;
        for (int i = index(hash); ; i = (i + 1) & mask) {
            int slot = slots[i];
            if (slot == 0) {
                return -1;
            }
            // the stored hash rejects nearly every other word before any char is compared
            if (hashes[slot - 1] == hash && same(slot - 1, buf, off, len)) {
                return slot - 1;
            }
        }
    }

    /** A plain loop: for words of a few chars it beats {@code Arrays.equals}, which is tuned for long arrays. */
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

    int size() {
        return size;
    }

    private void insert(int id) {
        int mask = slots.length - 1;
        int i = index(hashes[id]);
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = id + 1;
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
