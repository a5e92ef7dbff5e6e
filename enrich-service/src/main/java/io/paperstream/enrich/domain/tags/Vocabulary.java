package io.paperstream.enrich.domain.tags;

import java.util.ArrayList;
import java.util.List;

/** Interns words to dense ids and looks up a char range without allocating a String. */
final class Vocabulary {
    private final List<char[]> words = new ArrayList<>();
    private int[] slots = new int[64]; // id + 1, 0 = empty

    /** Returns the id of {@code word}, adding it when new. */
    int intern(String word) {
        char[] chars = word.toCharArray();
        int id = find(chars, 0, chars.length);
        if (id >= 0) {
            return id;
        }
        if ((words.size() + 1) * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        words.add(chars);
        insert(words.size() - 1);
        return words.size() - 1;
    }

    /** Returns the id of {@code buf[off, off+len)}, or -1. */
    int find(char[] buf, int off, int len) {
        int mask = slots.length - 1;
        for (int i = hash(buf, off, len) & mask; ; i = (i + 1) & mask) {
            int slot = slots[i];
            if (slot == 0) {
                return -1;
            }
            if (same(words.get(slot - 1), buf, off, len)) {
                return slot - 1;
            }
        }
    }

    /** A plain loop: for words of a few chars it beats {@code Arrays.equals}, which is tuned for long arrays. */
    private static boolean same(char[] word, char[] buf, int off, int len) {
        if (word.length != len) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (word[k] != buf[off + k]) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return words.size();
    }

    private void insert(int id) {
        char[] w = words.get(id);
        int mask = slots.length - 1;
        int i = hash(w, 0, w.length) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = id + 1;
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        for (int id = 0; id < words.size(); id++) {
            insert(id);
        }
    }

    private static int hash(char[] buf, int off, int len) {
        int h = len;
        for (int k = off; k < off + len; k++) {
            h = 31 * h + buf[k];
        }
        // murmur3 fmix32: short words differ in few bits, the table index uses the low bits
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
