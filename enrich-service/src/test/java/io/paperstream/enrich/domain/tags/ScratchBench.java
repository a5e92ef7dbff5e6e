package io.paperstream.enrich.domain.tags;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import java.lang.management.ManagementFactory;
import java.util.List;

class ScratchBench {
    @Test
    @EnabledIfSystemProperty(named = "scratch", matches = "true")
    void bench() {
        Taxonomy tax = Taxonomy.fromResource();
        TermMatcher m = new TermMatcher(tax.tags());
        Tagger tagger = new Tagger(tax);
        List<String[]> papers = LabelledPaper.digestPairs();
        var cpu = ManagementFactory.getThreadMXBean();
        int[] counts = new int[m.termCount()];
        for (int r = 0; r < 400; r++) for (String[] p : papers) { m.count(p[1], counts); tagger.tag(p[0], p[1], List.of()); }
        long a = cpu.getCurrentThreadCpuTime();
        for (int r = 0; r < 3000; r++) for (String[] p : papers) m.count(p[1], counts);
        long b = cpu.getCurrentThreadCpuTime();
        for (int r = 0; r < 50; r++) for (String[] p : papers) tagger.rawScores(p[0], p[1]);
        long c = cpu.getCurrentThreadCpuTime();
        for (int r = 0; r < 50; r++) for (String[] p : papers) tagger.tag(p[0], p[1], List.of());
        long d = cpu.getCurrentThreadCpuTime();
        int n = 50 * papers.size();
        System.out.printf("count(abstract) %.1f µs, rawScores %.1f µs, tag %.1f µs%n", (b - a) / 1e3 / n, (c - b) / 1e3 / n, (d - c) / 1e3 / n);
    }
}
