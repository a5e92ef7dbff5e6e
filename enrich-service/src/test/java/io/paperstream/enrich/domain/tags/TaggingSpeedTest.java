package io.paperstream.enrich.domain.tags;

import io.paperstream.enrich.domain.keyphrases.KeyphraseExtractor;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tagging plus keyphrases must leave room for 20,000 abstracts/s on one core (50 µs per paper for the whole
 * enrichment). Prints the cost per paper and, to compare machines (the shared build VM is several times slower
 * than a laptop), the cost of a naive word count of the same text: lower-case, regex split, HashMap.
 */
class TaggingSpeedTest {
    private static final int WARM_UP_ROUNDS = 300;
    private static final int ROUNDS = 30;
    private static final Pattern NON_WORD = Pattern.compile("\\W+");

    // CPU time of this thread, not wall time: on a shared machine time spent descheduled is not ours
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

    @Test
    void tagsAndKeyphrasesOfAnAbstractTakeMicroseconds() {
        Tagger tagger = new Tagger(Taxonomy.fromResource());
        KeyphraseExtractor extractor = new KeyphraseExtractor();
        List<String[]> papers = LabelledPaper.digestPairs();
        long chars = papers.stream().mapToLong(p -> p[0].length() + p[1].length()).sum();

        long sink = 0;
        for (int round = 0; round < WARM_UP_ROUNDS; round++) { // let the JIT compile the hot paths
            for (String[] p : papers) {
                sink += scan(p) + tagger.tag(p[0], p[1], List.of("cs.LG")).size()
                        + extractor.extract(p[0], p[1], 5).size();
            }
        }
        long scanNanos = Long.MAX_VALUE;
        long tagNanos = Long.MAX_VALUE;
        long keyNanos = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (String[] p : papers) {
                sink += scan(p);
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            for (String[] p : papers) {
                sink += tagger.tag(p[0], p[1], List.of("cs.LG")).size();
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            for (String[] p : papers) {
                sink += extractor.extract(p[0], p[1], 5).size();
            }
            long t3 = cpu.getCurrentThreadCpuTime();
            scanNanos = Math.min(scanNanos, t1 - t0);
            tagNanos = Math.min(tagNanos, t2 - t1);
            keyNanos = Math.min(keyNanos, t3 - t2);
        }
        double scan = scanNanos / 1000.0 / papers.size();
        double tag = tagNanos / 1000.0 / papers.size();
        double key = keyNanos / 1000.0 / papers.size();
        double both = tag + key;
        System.out.printf("per paper (%d papers, %d chars on average): tagging %.1f µs, keyphrases %.1f µs, "
                        + "together %.1f µs = %.0f papers/s on one core; a naive word count of the same text takes "
                        + "%.1f µs here, so tagging + keyphrases cost %.1f naive word counts%n", papers.size(),
                chars / papers.size(), tag, key, both, 1e6 / both, scan, both / scan);
        assertThat(sink).isPositive();
        // loose on purpose: the shared build machine is slow and busy; the printed figures are what to read
        assertThat(both).as("µs per paper").isLessThan(200);
        assertThat(both / scan).as("cost in naive word counts").isLessThan(10);
    }

    /** The yardstick: the naive way to count words (lower-case, regex split, HashMap). */
    private static int scan(String[] paper) {
        Map<String, Integer> counts = new HashMap<>();
        for (String s : paper) {
            for (String word : NON_WORD.split(s.toLowerCase(Locale.ROOT))) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        return counts.size();
    }
}
