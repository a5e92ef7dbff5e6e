package io.paperstream.enrich.domain;

import java.util.Arrays;

/**
 * Open-addressing map from non-negative long keys to ints, so that the tagger's trie steps and the keyphrase
 * extractor's phrase counting cost no boxing. Reusable: {@link #clear} sizes it for the next use and resets only that
 * many slots.
 */
public final class LongIntMap {
    private static final long EMPTY = -1L;

    private long[] keys = new long[0];
    private int[] values = new int[0];
    private int mask;
    private int size;

    /** An empty map sized for about {@code expected} keys (it grows beyond that). */
    public LongIntMap(int expected) {
        clear(expected);
    }

    /** Empties the map, sized for about {@code expected} keys; the arrays are reused when they are big enough. */
    public void clear(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        if (keys.length < capacity) {
            keys = new long[capacity];
            values = new int[capacity];
        }
        Arrays.fill(keys, 0, capacity, EMPTY);
        mask = capacity - 1;
        size = 0;
    }

    /** Returns the value for {@code key}, or {@code missing}. */
    public int get(long key, int missing) {
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return missing;
            }
        }
    }

    /** Returns the value for {@code key}; when absent, first maps it to {@code value}. One probe either way. */
    public int putIfAbsent(long key, int value) {
        if ((size + 1) * 2 > mask + 1) {
            grow();
        }
        int i = mix(key) & mask;
        for (long k = keys[i]; k != EMPTY; k = keys[i]) {
            if (k == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
        return value;
    }

    private void grow() {
        long[] oldKeys = Arrays.copyOf(keys, mask + 1);
        int[] oldValues = Arrays.copyOf(values, mask + 1);
        keys = new long[0];
        clear(oldKeys.length);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                putIfAbsent(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int mix(long key) {
        // murmur3 finalizer: packed keys (phrases, trie edges) differ mostly in their low bits
        key ^= key >>> 33;
        key *= 0xff51afd7ed558ccdL;
        key ^= key >>> 33;
        return (int) key;
    }
}
