package io.paperstream.enrich.domain.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperstream.events.Tag;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The shipped taxonomy and learned model on real arXiv papers that training never saw, two fixed samples of the
 * held-out split written by {@code bench/tags/train.sh}, tagged from title and abstract only, as the issue measures
 * it: precision of the tags' arXiv categories (a tag is right when the paper carries its category) and
 * primary-category recall (the paper's first category is among its tags).
 * <ul>
 * <li>{@code tags/heldout-digest-mix.jsonl}: the primary categories in the mix of a daily AI/ML digest (cs.CV, cs.CL,
 * cs.LG, cs.AI, cs.RO…; see models/README.md). Fails below the goals: precision 0.80, primary recall 0.70 (the
 * shipped model: 0.838 / 0.715).</li>
 * <li>{@code tags/heldout-papers.jsonl}: as the training source's papers come (mostly from cs.CL and audio listings,
 * where cs.CL, cs.LG and cs.AI, or cs.SD and eess.AS, are near coin flips as the primary). The model is tuned for the
 * digest mix, not this one; fails below precision 0.77 or primary recall 0.57 (shipped: 0.789 / 0.585).</li>
 * </ul>
 * Writes the per-category tables to target/tagger-heldout*.txt.
 */
class TaggerHeldOutTest {
    static final String RESOURCE = "tags/heldout-papers.jsonl";
    static final String DIGEST_MIX = "tags/heldout-digest-mix.jsonl";
    /** Categories arXiv lists under two names (a paper in cs.SY is also in eess.SY). */
    static final Map<String, String> ALIASES = Map.of("cs.SY", "eess.SY", "math.IT", "cs.IT", "math.ST", "stat.TH");

    record Paper(String id, String title, String abstractText, List<String> categories) {}

    @Test
    void shippedModelMeetsTheGoalsOnHeldOutPapersInTheDigestMix() throws IOException {
        double[] figures = evaluate(DIGEST_MIX, "target/tagger-heldout-digest-mix.txt");
        assertThat(figures[0]).as("precision of the tags' arXiv categories").isGreaterThanOrEqualTo(0.80);
        assertThat(figures[1]).as("primary-category recall").isGreaterThanOrEqualTo(0.70);
    }

    @Test
    void shippedModelKeepsItsFiguresOnHeldOutPapersAsTheSourceHasThem() throws IOException {
        double[] figures = evaluate(RESOURCE, "target/tagger-heldout.txt");
        assertThat(figures[0]).as("precision of the tags' arXiv categories").isGreaterThanOrEqualTo(0.77);
        assertThat(figures[1]).as("primary-category recall").isGreaterThanOrEqualTo(0.57);
    }

    /** {precision, primary recall} of the shipped tagger on a held-out sample; writes its table to {@code out}. */
    private static double[] evaluate(String resource, String out) throws IOException {
        List<Paper> papers = read(resource);
        assertThat(papers).hasSizeGreaterThanOrEqualTo(500);
        Tagger tagger = new Tagger(Taxonomy.fromResource());
        Map<String, int[]> perCategory = new TreeMap<>(); // given, right, primary papers, primary found
        int given = 0;
        int right = 0;
        int primaryFound = 0;
        for (Paper paper : papers) {
            Set<String> gold = new HashSet<>();
            paper.categories().forEach(c -> gold.add(ALIASES.getOrDefault(c, c)));
            String primary = ALIASES.getOrDefault(
                    paper.categories().get(0), paper.categories().get(0));
            perCategory.computeIfAbsent(primary, k -> new int[4])[2]++;
            Set<String> predicted = new HashSet<>();
            for (Tag tag : tagger.tag(paper.title(), paper.abstractText(), List.of())) {
                if (tag.arxivCategory() != null && predicted.add(tag.arxivCategory())) {
                    int[] c = perCategory.computeIfAbsent(tag.arxivCategory(), k -> new int[4]);
                    boolean hit = gold.contains(tag.arxivCategory());
                    c[0]++;
                    given++;
                    c[1] += hit ? 1 : 0;
                    right += hit ? 1 : 0;
                }
            }
            if (predicted.contains(primary)) {
                perCategory.get(primary)[3]++;
                primaryFound++;
            }
        }
        double precision = right / (double) Math.max(1, given);
        double primaryRecall = primaryFound / (double) papers.size();
        StringBuilder report = new StringBuilder(String.format(
                Locale.ROOT,
                "%s: %d held-out papers, %d area tags: precision %.3f, primary-category recall %.3f%n",
                resource,
                papers.size(),
                given,
                precision,
                primaryRecall));
        report.append("| category | tags given | precision | papers with it as primary | primary recall |\n");
        perCategory.forEach((category, c) -> report.append(String.format(
                Locale.ROOT,
                "| %s | %d | %s | %d | %s |%n",
                category,
                c[0],
                ratio(c[1], c[0]),
                c[2],
                ratio(c[3], c[2]))));
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of(out), report);
        return new double[] {precision, primaryRecall};
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "–" : String.format(Locale.ROOT, "%.2f", a / (double) b);
    }

    static List<Paper> read() throws IOException {
        return read(RESOURCE);
    }

    static List<Paper> read(String resource) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Paper> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(
                        TaggerHeldOutTest.class.getClassLoader().getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode n = json.readTree(line);
                List<String> categories = new ArrayList<>();
                n.get("categories").forEach(c -> categories.add(c.asText()));
                out.add(new Paper(
                        n.get("id").asText(),
                        n.get("title").asText(),
                        n.get("abstract").asText(),
                        categories));
            }
        }
        return out;
    }
}
