package io.paperstream.query.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.query.domain.Counting.Counter;
import io.paperstream.query.domain.Counting.FacetSource;
import io.paperstream.query.domain.Counting.Total;
import io.paperstream.query.domain.Counting.TotalStep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The counting decision as tables: which counter, which step, which total, where facets come from. */
class CountingTest {
    /**
     * A filter from a compact description: {@code q=…}, {@code tag=…}, {@code kind=…}, {@code host=…},
     * {@code subject=…}, {@code category=…}, {@code author=…}, {@code from=…}, {@code to=…}, joined by spaces;
     * {@code -} for no filter.
     */
    static PaperFilter filter(String description) {
        String q = null;
        LocalDate from = null;
        LocalDate to = null;
        List<String> tags = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<String> authors = new ArrayList<>();
        if (!description.equals("-")) {
            for (String part : description.split(" ")) {
                String[] kv = part.split("=", 2);
                switch (kv[0]) {
                    case "q" -> q = kv[1];
                    case "tag" -> tags.add(kv[1]);
                    case "kind" -> kinds.add(kv[1]);
                    case "host" -> hosts.add(kv[1]);
                    case "subject" -> subjects.add(kv[1]);
                    case "category" -> categories.add(kv[1]);
                    case "author" -> authors.add(kv[1]);
                    case "from" -> from = LocalDate.parse(kv[1]);
                    case "to" -> to = LocalDate.parse(kv[1]);
                    default -> throw new IllegalArgumentException(part);
                }
            }
        }
        return new PaperFilter(q, tags, kinds, hosts, subjects, from, to, categories, authors);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                // filter                                   | counter              | facets from
                "-                                           | all:               | COUNTERS",
                "tag=nlp                                     | tag:nlp              | PAIR_COUNTERS",
                "kind=code                                   | linkKind:code        | PAIR_COUNTERS",
                "host=github.com                             | host:github.com      | PAIR_COUNTERS",
                "category=cs.CL                              | category:cs.CL       | COUNTED",
                "from=2024-01-01 to=2024-12-31               | year:2024            | COUNTED",
                "from=2024-01-01 to=2024-06-30               | none                 | COUNTED",
                "from=2024-01-01                             | none                 | COUNTED",
                "tag=nlp tag=vision                          | none                 | COUNTED",
                "tag=nlp host=github.com                     | none                 | COUNTED",
                "tag=nlp from=2024-01-01 to=2024-12-31       | none                 | COUNTED",
                "q=transformers                              | none                 | COUNTED",
                "q=transformers tag=nlp                      | none                 | COUNTED",
                "subject=github.com/a/b                      | none                 | COUNTED",
                "author=lovelace                             | none                 | COUNTED",
                "category=cs.CL author=lovelace              | none                 | COUNTED",
            })
    void counterAndFacetSourceOfAFilter(String description, String counter, FacetSource facets) {
        PaperFilter f = filter(description.strip());
        assertThat(Counting.counter(f)
                        .map(c -> c.facet() + ":" + (c.value() == null ? "" : c.value()))
                        .orElse(null))
                .isEqualTo(counter == null ? null : counter.strip());
        assertThat(Counting.facetSource(f)).isEqualTo(facets);
    }

    @ParameterizedTest(name = "estimate {0}, cap {1}, phrase {2} -> {3}")
    @CsvSource({
        "0,      1000, false, COUNT_CAPPED",
        "2000,   1000, false, COUNT_CAPPED",
        "2001,   1000, false, ANSWER_ESTIMATE",
        "2000,   1000, true,  COUNT_SAMPLE",
        "2001,   1000, true,  ANSWER_ESTIMATE",
        "90000,  1000, true,  ANSWER_ESTIMATE",
    })
    void theStepAfterTheEstimate(long estimate, int cap, boolean phrase, TotalStep step) {
        assertThat(Counting.afterEstimate(estimate, cap, phrase)).isEqualTo(step);
    }

    @ParameterizedTest(name = "sample {0}, cap {1} -> {2}")
    @CsvSource(
            nullValues = "count",
            value = {
                "0,   1000, count",
                "125, 1000, count", // 1,000 is not above the cap: count exactly
                "126, 1000, 1008", // 8 × 126 > 1,000: the sample's figure, inexact
            })
    void theSampleAnswersOnlyWhenFarAboveTheCap(long sample, int cap, Long total) {
        assertThat(Counting.afterSample(sample, cap))
                .isEqualTo(total == null ? java.util.Optional.empty() : java.util.Optional.of(new Total(total, false)));
    }

    @ParameterizedTest(name = "counted {0}, cap {1}, estimate {2} -> {3} exact {4}")
    @CsvSource({
        "0,    1000, 5,    0,    true",
        "1000, 1000, 5,    1000, true",
        "1001, 1000, 5,    1001, false", // more than the cap: at least cap + 1
        "1001, 1000, 1800, 1800, false", // or the estimate when it says more
    })
    void theTotalOfACappedCount(long counted, int cap, long estimate, long total, boolean exact) {
        assertThat(Counting.afterCount(counted, cap, estimate)).isEqualTo(new Total(total, exact));
    }

    @ParameterizedTest(name = "candidates {0}, phrase {1}, budget {2}, exact asked {3} -> sample {4}")
    @CsvSource({
        "0,     false, 10000, false, false",
        "10000, false, 10000, false, false",
        "10001, false, 10000, false, true",
        "2500,  true,  10000, false, false", // a phrase candidate weighs 4
        "2501,  true,  10000, false, true",
        "1,     false, 0,     false, true",
        "90000, false, 10000, true,  false", // exact=true counts everything
    })
    void facetsCountTheSampleWhenTheWeightedCandidatesExceedTheBudget(
            long candidates, boolean phrase, long budget, boolean exactAsked, boolean sample) {
        assertThat(Counting.sampleFacets(candidates, phrase, budget, exactAsked))
                .isEqualTo(sample);
    }

    @ParameterizedTest
    @CsvSource({"tag, true", "linkKind, true", "host, true", "category, false", "year, false", "all, false"})
    void pairCountersExistForTagsLinkKindsAndHosts(String facet, boolean pairs) {
        assertThat(new Counter(facet, "x").hasPairCounters()).isEqualTo(pairs);
    }
}
