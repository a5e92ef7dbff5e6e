package io.paperstream.query.bench;

import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.Link;
import io.paperstream.events.LinkKind;
import io.paperstream.events.RawPaper;
import io.paperstream.events.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Realistic, reproducible papers for the benchmarks: titles (~100 characters) and abstracts (~1,300 characters) walked
 * from a word-bigram model of the project's sample digest, so words follow a natural frequency curve; 1–4 tags from
 * the taxonomy (skewed), 0–4 links of the usual kinds, keyphrases, authors and dates over three years.
 */
public final class BenchCorpus {
    static final List<String> TAGS = List.of(
            "machine-learning",
            "computer-vision",
            "natural-language-processing",
            "artificial-intelligence",
            "large-language-models",
            "diffusion-models",
            "reinforcement-learning",
            "robotics",
            "information-retrieval",
            "graph-neural-networks",
            "model-merging",
            "efficiency-and-compression",
            "parameter-efficient-fine-tuning",
            "interpretability",
            "datasets-and-benchmarks",
            "alignment-and-safety",
            "multimodal",
            "speech",
            "optimization",
            "learning-theory",
            "transformers",
            "generative-models",
            "representation-learning",
            "continual-learning",
            "federated-learning",
            "agents",
            "reasoning",
            "retrieval-augmented-generation",
            "three-d-vision",
            "video",
            "adversarial-robustness",
            "privacy",
            "code-generation",
            "medical-and-healthcare",
            "time-series",
            "recommender-systems",
            "dataset-distillation",
            "machine-translation",
            "sound",
            "graphics",
            "security",
            "databases",
            "software-engineering",
            "distributed-computing",
            "signal-processing",
            "human-computer-interaction",
            "multi-agent-systems",
            "statistical-machine-learning");
    static final List<String> OWNERS = List.of(
            "facebookresearch",
            "google-research",
            "microsoft",
            "openai",
            "nvlabs",
            "huggingface",
            "allenai",
            "thu-ml",
            "sail-sg",
            "open-mmlab",
            "salesforce",
            "apple",
            "deepmind",
            "ibm",
            "alibaba",
            "baaivision",
            "opengvlab",
            "stanford-crfm",
            "mit-han-lab",
            "princeton-nlp");
    private static final String[] FIRST = {
        "Wei", "Anna", "Luca", "Mei", "Omar", "Sara", "Jun", "Elena", "Ravi", "Yuki", "Tom", "Ines", "Kofi", "Lena",
        "Hao", "Maria", "Ivan", "Aisha", "Pedro", "Nina"
    };
    private static final String[] LAST = {
        "Zhang",
        "Rossi",
        "Kim",
        "Garcia",
        "Nguyen",
        "Müller",
        "Sato",
        "Smith",
        "Patel",
        "Chen",
        "Ivanova",
        "Okafor",
        "Silva",
        "Dubois",
        "Wang",
        "Kowalski",
        "Li",
        "Haddad",
        "Berg",
        "Lopez"
    };

    private final Map<String, List<String>> next = new HashMap<>();
    private final List<String> starts = new ArrayList<>();
    private final List<String> words = new ArrayList<>();
    private final long seed;
    private final LocalDate newest = LocalDate.of(2025, 6, 30);

    public BenchCorpus(Path sampleDigest, long seed) throws IOException {
        this.seed = seed;
        for (String line : Files.readAllLines(sampleDigest, StandardCharsets.UTF_8)) {
            if (line.length() < 300) {
                continue;
            }
            String[] tokens = line.trim().split("\\s+");
            starts.add(tokens[0]);
            for (int i = 0; i < tokens.length; i++) {
                words.add(tokens[i]);
                String following = i + 1 < tokens.length ? tokens[i + 1] : tokens[0];
                next.computeIfAbsent(tokens[i], k -> new ArrayList<>()).add(following);
            }
        }
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("no abstracts found in " + sampleDigest);
        }
    }

    /** The n-th paper (0-based): the same n always gives the same paper. */
    public EnrichedPaper paper(int n) {
        Random rnd = new Random(seed * 1_000_003L + n);
        String id = "arxiv:"
                + String.format(
                        Locale.ROOT, "%02d%02d.%05d", 20 + n / 1_200_000 % 10, 1 + n / 100_000 % 12, n % 100_000);
        String title = capitalise(walk(rnd, 70 + rnd.nextInt(60)).replaceAll("[.,;:]+$", ""));
        String abstractText = walk(rnd, 1100 + rnd.nextInt(400));
        List<String> authors = new ArrayList<>();
        for (int i = 0, k = 2 + rnd.nextInt(6); i < k; i++) {
            authors.add(FIRST[rnd.nextInt(FIRST.length)] + " " + LAST[rnd.nextInt(LAST.length)]);
        }
        LocalDate published = newest.minusDays(rnd.nextInt(3 * 365));
        Set<String> tagNames = new LinkedHashSet<>();
        for (int i = 0, k = 1 + rnd.nextInt(4); i < k; i++) {
            tagNames.add(TAGS.get(skewed(rnd, TAGS.size())));
        }
        List<Tag> tags = tagNames.stream()
                .map(t -> new Tag(
                        t,
                        Math.round(rnd.nextDouble() * 100) / 100.0,
                        null,
                        List.of(t.replace('-', ' ')),
                        Tag.ORIGIN_TAXONOMY))
                .toList();
        List<Link> links = links(rnd, n);
        List<String> keyphrases = new ArrayList<>();
        for (int i = 0, k = 3 + rnd.nextInt(3); i < k; i++) {
            keyphrases.add(
                    walk(rnd, 12 + rnd.nextInt(14)).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", ""));
        }
        Instant ingested = Instant.now();
        RawPaper raw = new RawPaper(
                id,
                1_700_000_000_000_000L + n,
                title,
                abstractText,
                authors,
                id.substring("arxiv:".length()),
                null,
                published,
                null,
                List.of("cs.LG"),
                null,
                List.of(),
                List.of(),
                new RawPaper.Source("json", "bench"),
                ingested);
        return new EnrichedPaper(
                id,
                raw.revision(),
                raw,
                tags,
                links,
                keyphrases,
                new EnrichedPaper.Enrichment("bench", "t1", ingested));
    }

    private List<Link> links(Random rnd, int n) {
        List<Link> links = new ArrayList<>();
        if (rnd.nextInt(10) < 4) {
            String owner = OWNERS.get(skewed(rnd, OWNERS.size()));
            String repo = "repo-" + (n % 5000);
            links.add(new Link(
                    "https://github.com/" + owner + "/" + repo,
                    LinkKind.CODE,
                    "github.com",
                    owner + "/" + repo,
                    Link.ORIGIN_TEXT));
        }
        if (rnd.nextInt(10) < 2) {
            links.add(new Link(
                    "https://huggingface.co/" + OWNERS.get(rnd.nextInt(OWNERS.size())) + "/model-" + n,
                    LinkKind.MODEL,
                    "huggingface.co",
                    OWNERS.get(rnd.nextInt(OWNERS.size())) + "/model-" + n,
                    Link.ORIGIN_TEXT));
        }
        if (rnd.nextInt(10) < 1) {
            links.add(new Link(
                    "https://huggingface.co/datasets/bench/data-" + n,
                    LinkKind.DATASET,
                    "huggingface.co",
                    "bench/data-" + n,
                    Link.ORIGIN_TEXT));
        }
        if (rnd.nextInt(10) < 2) {
            links.add(new Link(
                    "https://project-" + n + ".github.io",
                    LinkKind.PROJECT_PAGE,
                    "project-" + n + ".github.io",
                    null,
                    Link.ORIGIN_TEXT));
        }
        return links;
    }

    /** Text of about {@code chars} characters from the bigram model. */
    private String walk(Random rnd, int chars) {
        StringBuilder sb = new StringBuilder(chars + 40);
        String word = starts.get(rnd.nextInt(starts.size()));
        while (sb.length() < chars) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(word);
            List<String> options = next.get(word);
            // an occasional jump keeps 100,000 walks from repeating the sample's sentences
            word = options == null || rnd.nextInt(8) == 0
                    ? words.get(rnd.nextInt(words.size()))
                    : options.get(rnd.nextInt(options.size()));
        }
        return sb.toString();
    }

    private static int skewed(Random rnd, int size) {
        double u = rnd.nextDouble();
        return Math.min(size - 1, (int) (size * u * u));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
