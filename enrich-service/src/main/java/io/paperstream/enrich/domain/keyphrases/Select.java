package io.paperstream.enrich.domain.keyphrases;

/** Quickselect on distinct {@code long} keys (the JDK sorts, but has no partial selection of primitives). */
final class Select {
    private Select() {}

    /**
     * Rearranges {@code a[0, n)} so that {@code a[0, k)} holds its {@code k} smallest keys, in no particular order
     * ({@code 0 < k < n}, keys distinct). Returns false, with {@code a} a permutation of itself, when partitioning
     * degrades (more rounds than a good pivot sequence needs); the caller then sorts everything.
     */
    static boolean smallestFirst(long[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        int rounds = 2 * (32 - Integer.numberOfLeadingZeros(n)) + 8;
        while (lo < hi) {
            if (rounds-- == 0) {
                return false;
            }
            int mid = (lo + hi) >>> 1;
            long pivot = medianOf3(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) { // Hoare partition: a[lo, i) <= pivot <= a(j, hi]
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            // a[lo, j] < a(j, i) == pivot < a[i, hi] (keys distinct): any boundary k in [j + 1, i] holds
            if (k <= j) {
                hi = j;
            } else if (k > i) {
                lo = i;
            } else {
                return true;
            }
        }
        return true;
    }

    private static long medianOf3(long x, long y, long z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
