package io.paperstream.query.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts facet values from the concatenated {@code facet_keys} of the matching papers (V4): each value is written as
 * U+001E, the facet's letter ({@code t} tag, {@code k} link kind, {@code h} host; V7: {@code c} category, {@code y}
 * year) and the value.
 */
final class FacetTally {
    static final char SEPARATOR = '\u001e';

    private final Map<String, Map<String, long[]>> counts = new LinkedHashMap<>();

    private FacetTally() {
        for (String facet : PaperQueries.FACETS) {
            counts.put(facet, new HashMap<>());
        }
    }

    static FacetTally of(String keys) {
        FacetTally tally = new FacetTally();
        int start = keys.indexOf(SEPARATOR);
        while (start >= 0 && start + 1 < keys.length()) {
            int end = keys.indexOf(SEPARATOR, start + 1);
            if (end < 0) {
                end = keys.length();
            }
            String facet =
                    switch (keys.charAt(start + 1)) {
                        case 't' -> "tag";
                        case 'k' -> "linkKind";
                        case 'h' -> "host";
                        case 'c' -> "category";
                        case 'y' -> PaperQueries.YEAR;
                        default ->
                            throw new IllegalStateException("unknown facet key in " + keys.substring(start, end));
                    };
            tally.counts.get(facet).computeIfAbsent(keys.substring(start + 2, end), v -> new long[1])[0]++;
            start = end < keys.length() ? end : -1;
        }
        return tally;
    }

    /**
     * The {@code limit} most frequent values of each facet (ties by value), each count multiplied by {@code scale}
     * (rounded): 1 for exact counts, {@link FacetSample#SHARE} for counts of the sample.
     */
    Map<String, List<PaperQueries.Count>> top(int limit, double scale) {
        Map<String, List<PaperQueries.Count>> top = new LinkedHashMap<>();
        counts.forEach((facet, values) -> {
            // ordered by the unscaled counts (scaling keeps their order)
            List<PaperQueries.Count> sorted = new ArrayList<>(values.size());
            values.forEach((value, n) -> sorted.add(new PaperQueries.Count(value, n[0])));
            sorted.sort(PaperQueries.comparator(facet));
            top.put(
                    facet,
                    sorted.stream()
                            .limit(limit)
                            .map(c -> new PaperQueries.Count(c.value(), Math.round(c.count() * scale)))
                            .toList());
        });
        return top;
    }
}
