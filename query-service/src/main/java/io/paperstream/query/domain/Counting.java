package io.paperstream.query.domain;

import java.util.Optional;
import java.util.Set;

/**
 * Which total and which facet counts a request gets: the whole decision, in one place and apart from the SQL that
 * fetches each figure ({@code store.PaperQueries} asks this class at each step and runs what it says).
 *
 * <p><b>Totals.</b> A filter that is nothing, or exactly one tag, link kind, host, category or calendar year, is
 * answered exactly from a trigger-kept counter (Flyway V2, V7). Anything else first gets PostgreSQL's estimate: above
 * twice the exact-count cap the estimate is the answer (inexact) — a broad search never scans tens of thousands of rows
 * on every request. A quoted phrase, which PostgreSQL underestimates badly and whose every candidate costs a read of
 * its out-of-line search vector, is first counted in the sample (one paper in {@link #SAMPLE_SHARE}); when eight times
 * that exceeds the cap, that is the answer (inexact). Otherwise the matches are counted up to cap + 1: exact when they
 * fit, else the larger of cap + 1 and the estimate (inexact).
 *
 * <p><b>Facets.</b> No filter: the counters. One tag, link kind or host: the pair counters (V3) of that value. Anything
 * else is counted over the matching papers — all of them when the candidates (PostgreSQL's estimate of what the indexes
 * select, a phrase candidate weighted {@link #PHRASE_WEIGHT}) fit the budget or exact counts are asked for, else over
 * the sample, scaled by {@link #SAMPLE_SHARE} and flagged.
 */
public final class Counting {
    /** One paper in this many is in the sample table {@code paper_sample} (V4). */
    public static final int SAMPLE_SHARE = 8;
    /**
     * What a candidate of a phrase search costs relative to a match of a plain search: the phrase is checked against
     * the paper's whole search vector, which lives out of line. Measured on 100,000 papers: ≈ 7 µs per phrase
     * candidate; 1.5–3 µs per match of a plain search.
     */
    public static final int PHRASE_WEIGHT = 4;

    /** The facets whose values have pair counters (the facets of the papers with one given value, V3). */
    private static final Set<String> PAIR_FACETS = Set.of("tag", "linkKind", "host");

    private Counting() {}

    /** A trigger-kept counter: the number of papers with {@code value} of {@code facet}; {@link #ALL}: every paper. */
    public record Counter(String facet, String value) {
        public static final Counter ALL = new Counter("all", null);

        public boolean all() {
            return this.equals(ALL);
        }

        /** Whether pair counters exist for this value (the facets of its papers, kept by triggers). */
        public boolean hasPairCounters() {
            return PAIR_FACETS.contains(facet);
        }
    }

    /** How many papers match: exact, or an estimate. */
    public record Total(long count, boolean exact) {}

    /** The counter that holds the filter's exact total: ALL for no filter, one value's counter, or none. */
    public static Optional<Counter> counter(PaperFilter f) {
        if (f.isEmpty()) {
            return Optional.of(Counter.ALL);
        }
        String year = year(f);
        if (f.hasText()
                || !f.subjects().isEmpty()
                || !f.authorWords().isEmpty()
                || ((f.from() != null || f.to() != null) && year == null)) {
            return Optional.empty();
        }
        int given = f.tags().size()
                + f.linkKinds().size()
                + f.hosts().size()
                + f.categories().size()
                + (year == null ? 0 : 1);
        if (given != 1) {
            return Optional.empty();
        }
        return Optional.of(
                !f.tags().isEmpty()
                        ? new Counter("tag", f.tags().get(0))
                        : !f.linkKinds().isEmpty()
                                ? new Counter("linkKind", f.linkKinds().get(0))
                                : !f.hosts().isEmpty()
                                        ? new Counter("host", f.hosts().get(0))
                                        : !f.categories().isEmpty()
                                                ? new Counter(
                                                        "category",
                                                        f.categories().get(0))
                                                : new Counter("year", year));
    }

    /** The year when from/to select exactly one calendar year (what a click on the year facet asks), else null. */
    public static String year(PaperFilter f) {
        if (f.from() == null
                || f.to() == null
                || f.from().getYear() != f.to().getYear()
                || f.from().getDayOfYear() != 1
                || !f.to().equals(f.from().withMonth(12).withDayOfMonth(31))) {
            return null;
        }
        return String.valueOf(f.from().getYear());
    }

    /** What to do with a total that no counter holds, once PostgreSQL's estimate is known. */
    public enum TotalStep {
        /** The estimate is far above the cap: answer it, inexact. */
        ANSWER_ESTIMATE,
        /** A quoted phrase: count it in the sample first ({@link #afterSample}). */
        COUNT_SAMPLE,
        /** Count the matches up to cap + 1 ({@link #afterCount}). */
        COUNT_CAPPED
    }

    public static TotalStep afterEstimate(long estimate, int cap, boolean quotedPhrase) {
        if (estimate > 2L * cap) {
            return TotalStep.ANSWER_ESTIMATE;
        }
        return quotedPhrase ? TotalStep.COUNT_SAMPLE : TotalStep.COUNT_CAPPED;
    }

    /** The total from the sample's count when it is far enough above the cap; empty: count the matches after all. */
    public static Optional<Total> afterSample(long sampleMatches, int cap) {
        long scaled = sampleMatches * SAMPLE_SHARE;
        return scaled > cap ? Optional.of(new Total(scaled, false)) : Optional.empty();
    }

    /** The total from a count capped at cap + 1. */
    public static Total afterCount(long counted, int cap, long estimate) {
        return counted <= cap ? new Total(counted, true) : new Total(Math.max(cap + 1L, estimate), false);
    }

    /** Where the facet counts of a filter come from. */
    public enum FacetSource {
        /** No filter: the per-value counters. */
        COUNTERS,
        /** One tag, link kind or host: that value's pair counters. */
        PAIR_COUNTERS,
        /** Counted over the matching papers (all, or the sample: {@link #sampleFacets}). */
        COUNTED
    }

    public static FacetSource facetSource(PaperFilter f) {
        if (f.isEmpty()) {
            return FacetSource.COUNTERS;
        }
        return counter(f).filter(Counter::hasPairCounters).isPresent()
                ? FacetSource.PAIR_COUNTERS
                : FacetSource.COUNTED;
    }

    /**
     * Whether counted facets count the sample instead of every matching paper: when exact counts were not asked for
     * and the candidates, weighted, exceed the budget.
     */
    public static boolean sampleFacets(long candidates, boolean phrase, long budget, boolean exactAsked) {
        return !exactAsked && candidates * (phrase ? PHRASE_WEIGHT : 1) > budget;
    }
}
