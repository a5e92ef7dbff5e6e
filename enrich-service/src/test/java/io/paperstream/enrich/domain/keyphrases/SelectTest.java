package io.paperstream.enrich.domain.keyphrases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SelectTest {
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10, 97, 200, 1000, 5000})
    void theKSmallestComeFirstForEveryK(int n) {
        Random random = new Random(n);
        for (int round = 0; round < 20; round++) {
            long[] keys = random.longs(n * 4L).distinct().limit(n).toArray();
            long[] sorted = keys.clone();
            Arrays.sort(sorted);
            for (int k : new int[] {1, n / 3, n / 2, n - 1}) {
                if (k < 1 || k >= n) {
                    continue;
                }
                long[] a = keys.clone();
                boolean selected = Select.smallestFirst(a, n, k);
                long[] all = a.clone();
                Arrays.sort(all);
                assertThat(all).as("a permutation").isEqualTo(sorted);
                if (selected) {
                    long[] first = Arrays.copyOf(a, k);
                    Arrays.sort(first);
                    assertThat(first).isEqualTo(Arrays.copyOf(sorted, k));
                }
            }
        }
    }

    @Test
    void sortedAndReversedInputs() {
        long[] ascending = LongStream.range(0, 1000).toArray();
        long[] descending = LongStream.range(0, 1000).map(i -> 999 - i).toArray();
        for (long[] keys : new long[][] {ascending, descending}) {
            long[] a = keys.clone();
            assertThat(Select.smallestFirst(a, a.length, 48)).isTrue();
            long[] first = Arrays.copyOf(a, 48);
            Arrays.sort(first);
            assertThat(first).isEqualTo(LongStream.range(0, 48).toArray());
        }
    }
}
