package io.paperstream.enrich.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperstream.enrich.domain.Enricher;
import io.paperstream.enrich.domain.keyphrases.KeyphraseExtractor;
import io.paperstream.enrich.domain.links.LinkExtractor;
import io.paperstream.enrich.domain.tags.Tagger;
import io.paperstream.enrich.domain.tags.Taxonomy;
import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.PaperIds;
import io.paperstream.events.RawPaper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: the pure enrichment (links + tags + keyphrases) of one paper, cycling through the 70 abstracts of the sample
 * digest. Run with bench/enrich/jmh.sh; the target is 20,000 abstracts/s on one core (one benchmark thread).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnrichBenchmark {
    private Enricher enricher;
    private List<RawPaper> papers;
    private int next;

    @Setup
    public void setUp() throws IOException {
        Taxonomy taxonomy = Taxonomy.fromResource("/taxonomy/taxonomy.yaml");
        enricher = new Enricher(taxonomy, "bench");
        tagger = new Tagger(taxonomy);
        String corpus = System.getProperty("paperstream.corpus", "");
        papers = corpus.isEmpty()
                ? samplePapers(Path.of(
                        System.getProperty("paperstream.sample", "deploy/local/sample/daily-papers-sample.txt")))
                : jsonPapers(corpus.split(","));
    }

    private final LinkExtractor links = new LinkExtractor();
    private final KeyphraseExtractor keyphrases = new KeyphraseExtractor();
    private Tagger tagger;

    @Benchmark
    public EnrichedPaper enrichOnePaper() {
        return enricher.enrich(nextPaper(), Instant.EPOCH);
    }

    /** The parts alone, to see where the time goes. */
    @Benchmark
    public Object linksOnly() {
        RawPaper p = nextPaper();
        return links.extract(p.title(), p.abstractText());
    }

    @Benchmark
    public Object tagsOnly() {
        RawPaper p = nextPaper();
        return tagger.tag(p.title(), p.abstractText(), p.categories());
    }

    @Benchmark
    public Object keyphrasesOnly() {
        RawPaper p = nextPaper();
        return keyphrases.extract(p.title(), p.abstractText(), Enricher.MAX_KEYPHRASES);
    }

    private RawPaper nextPaper() {
        RawPaper paper = papers.get(next);
        next = (next + 1) % papers.size();
        return paper;
    }

    /**
     * Papers per CPU-second of this thread for each part (the median of 7 rounds of 1 CPU-second each, after 3 s of
     * warm-up): on a machine other builds keep busy, JMH's wall-clock throughput measures the load, not the code; the
     * thread's own CPU time does not count the time it waited for a core (caches are still shared).
     * Run by {@code bench/enrich/jmh.sh} after JMH.
     */
    public static void main(String[] args) throws IOException {
        EnrichBenchmark b = new EnrichBenchmark();
        b.setUp();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        String[] names = {"enrichOnePaper", "tagsOnly", "keyphrasesOnly", "linksOnly"};
        List<Supplier<Object>> parts = List.of(b::enrichOnePaper, b::tagsOnly, b::keyphrasesOnly, b::linksOnly);
        for (int k = 0; k < names.length; k++) {
            Supplier<Object> part = parts.get(k);
            double[] rates = new double[10];
            for (int round = 0; round < rates.length; round++) {
                long start = cpu.getCurrentThreadCpuTime();
                long ops = 0;
                Object sink = null;
                while (cpu.getCurrentThreadCpuTime() - start < 1_000_000_000L) {
                    for (int i = 0; i < 70; i++) {
                        sink = part.get();
                    }
                    ops += 70;
                }
                rates[round] = ops / ((cpu.getCurrentThreadCpuTime() - start) / 1e9);
                if (sink == null) {
                    throw new IllegalStateException();
                }
            }
            double[] measured = Arrays.copyOfRange(rates, 3, rates.length);
            Arrays.sort(measured);
            System.out.printf(
                    Locale.ROOT,
                    "cpu %-16s %,10.0f papers per CPU-second (median of %d; min %,.0f, max %,.0f)%n",
                    names[k],
                    measured[measured.length / 2],
                    measured.length,
                    measured[0],
                    measured[measured.length - 1]);
        }
    }

    /**
     * Papers of JSON-lines files (title, abstract, categories per line): e.g. the 1,471 real arXiv abstracts of the
     * tag tests, whose vocabulary no per-thread cache holds whole, unlike the digest's 70.
     */
    static List<RawPaper> jsonPapers(String... files) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<RawPaper> papers = new ArrayList<>();
        for (String file : files) {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode in = json.readTree(line);
                List<String> categories = new ArrayList<>();
                in.path("categories").forEach(c -> categories.add(c.asText()));
                String title = in.path("title").asText();
                papers.add(new RawPaper(
                        PaperIds.derive(null, null, title),
                        1,
                        title,
                        in.path("abstract").asText(),
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        categories,
                        null,
                        List.of(),
                        List.of(),
                        null,
                        null));
            }
        }
        return papers;
    }

    /** Title/abstract pairs of the digest: the lines after the date line, blank-separated, alternating. */
    static List<RawPaper> samplePapers(Path digest) throws IOException {
        List<String> lines = Files.readAllLines(digest).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        int start = 0;
        while (start < lines.size() && !lines.get(start).matches("[A-Z][a-z]{2} \\d{1,2}")) {
            start++;
        }
        List<RawPaper> papers = new ArrayList<>();
        for (int i = start + 1; i + 1 < lines.size(); i += 2) {
            String title = lines.get(i);
            papers.add(new RawPaper(
                    PaperIds.derive(null, null, title),
                    1,
                    title,
                    lines.get(i + 1),
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    List.of(),
                    List.of(),
                    null,
                    null));
        }
        if (papers.size() != 70) {
            throw new IllegalStateException("expected the 70 papers of the sample digest, found " + papers.size());
        }
        return papers;
    }
}
