package io.paperstream.enrich.domain.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Inputs of the golden-output tests: the sample digest, the labelled papers and seeded random mixtures of their
 * words, taxonomy terms and awkward fragments (acronym definitions, LaTeX, URLs, Unicode, odd whitespace).
 * Deterministic, so the recorded outputs stay comparable after optimisations.
 */
public final class GoldenCorpus {
    /** One input: title, abstract (may be null), source categories (may be null) and a keyphrase count. */
    public record Input(String title, String abstractText, List<String> categories, int max) {
        /** A short fingerprint of the input, recorded with its output so a changed corpus is noticed. */
        public String fingerprint() {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                md.update(String.valueOf(title).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(String.valueOf(abstractText).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(String.valueOf(categories).getBytes(StandardCharsets.UTF_8));
                md.update((byte) max);
                return HexFormat.of().formatHex(md.digest(), 0, 6);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final String[] FRAGMENTS = {
        "large language models (LLMs)",
        "LLMs",
        "LLM's",
        "(LLMs)",
        "vision-language models (VLMs)",
        "VLMs",
        "reinforcement learning (RL)",
        "RL-based",
        "RL",
        "GANs",
        "CNNs",
        "model's",
        "model\u2019s",
        "models'",
        "$x^2 + y$",
        "$",
        "\\textbf{RL}",
        "\\cite{x}",
        "\\alpha",
        "https://github.com/x/diffusion-model",
        "http://arxiv.org/abs/2401.00001",
        "e.g.",
        "i.e.",
        "et al.",
        "state-of-the-art",
        "vision-language-",
        "--",
        "-",
        "3D",
        "GPT-4",
        "GPT-4o",
        "2D-3D",
        "1",
        "42",
        "x",
        "A",
        "I",
        "Über",
        "naïve",
        "ÉCOLE",
        "Straße",
        "\u0130stanbul",
        "\u03a3\u03b9\u03b3\u03bc\u03b1",
        "\u6a21\u578b",
        "\ud83d\ude80",
        "\u00a0",
        "\t",
        "\r\n",
        "\n",
        "\u2014",
        "\u2013",
        "\u00b2",
        "\u0663",
        "(",
        ")",
        ",",
        ".",
        ";",
        ":",
        "!",
        "?",
        "'",
        "\"",
        "/",
        "[1]",
        "{",
        "}",
        "queries",
        "biases",
        "boxes",
        "classes",
        "matches",
        "wishes",
        "policies",
        "status",
        "analysis",
        "bias",
        "gas",
        "ideas",
        "datas",
        "AIs",
        "APIs",
        "LoRA",
        "QLoRA",
        "MoE",
        "MoEs",
        "ViT",
        "ViTs",
        "large-language-model",
        "text-to-image",
        "image-text",
        "Large Language Models",
        "LARGE LANGUAGE MODELS",
        "deep learning",
        "Deep-Learning",
        "neural networks",
        "Neural Networks (NNs)",
        "NNs",
        "CURL",
        "URL",
    };

    private GoldenCorpus() {}

    /** All inputs, in a fixed order. */
    public static List<Input> inputs() {
        List<Input> inputs = new ArrayList<>();
        for (String[] pair : LabelledPaper.digestPairs()) {
            inputs.add(new Input(pair[0], pair[1], List.of(), 5));
        }
        List<LabelledPaper> records = LabelledPaper.fromRecords();
        for (LabelledPaper p : records) {
            inputs.add(new Input(
                    p.title(),
                    p.abstractText(),
                    List.copyOf(p.categories().stream().sorted().toList()),
                    5));
        }
        inputs.addAll(edgeCases());
        inputs.addAll(random(records));
        inputs.addAll(cacheChurn());
        return inputs;
    }

    /** Compares output with a recorded resource, or records it with {@code -Dgolden.write=true}. */
    public static void check(String resource, String actual) throws IOException {
        if (Boolean.getBoolean("golden.write")) {
            Path file = Path.of("src/test/resources", resource);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected;
        try (InputStream stream = GoldenCorpus.class.getResourceAsStream("/" + resource)) {
            assertThat(stream).as("golden resource " + resource).isNotNull();
            expected = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        String context = "";
        for (int k = 0; k < Math.min(want.length, got.length); k++) {
            if (want[k].startsWith("#")) {
                context = want[k];
            }
            assertThat(got[k])
                    .as("line %d of %s (input %s)", k + 1, resource, context)
                    .isEqualTo(want[k]);
        }
        assertThat(got.length).as("lines of " + resource).isEqualTo(want.length);
    }

    private static List<Input> edgeCases() {
        List<Input> in = new ArrayList<>();
        in.add(new Input("", "", List.of(), 5));
        in.add(new Input(null, null, null, 5));
        in.add(new Input("Title only about diffusion models", null, null, 5));
        in.add(new Input("Title only about diffusion models", "   ", null, 5));
        in.add(new Input("   ", "Abstract only: diffusion models and diffusion models and GANs.", null, 5));
        in.add(new Input("Diffusion models", "diffusion models", List.of("cs.CV", "cs.LG"), 0));
        in.add(new Input("Diffusion models", "diffusion models", List.of(" cs.cv ", "", "math.OC", "CS.LG"), -1));
        in.add(new Input("a", "b", List.of("cs.CV", "cs.CV"), 5));
        in.add(new Input("RL", "RL RL RL", List.of("q-bio.NC"), 5));
        in.add(new Input(
                "Large Language Models (LLMs) for code",
                "Large language models (LLMs) write code. LLMs are good; LLMs' code runs. (LLMs) again.",
                null,
                5));
        StringBuilder longText = new StringBuilder();
        for (LabelledPaper p : LabelledPaper.fromRecords()) {
            longText.append(p.abstractText()).append(' ');
        }
        in.add(new Input("A very long abstract", longText.toString(), List.of(), 5));
        in.add(new Input("A very long abstract", longText.toString(), List.of(), 50));
        in.add(new Input("x".repeat(20_001) + " title beyond the limit", "never read", List.of(), 5));
        in.add(new Input(
                "An unclosed $ in the title of diffusion models",
                "then $x$ in the abstract, diffusion " + "models and diffusion models again",
                null,
                5));
        in.add(new Input(
                "A closed $x$ and an unclosed $ title",
                "abstract $ closes it; graph neural networks and " + "graph neural networks",
                null,
                5));
        in.add(new Input(
                "Title ending in a command \\textbf",
                "\\emph{Graph} neural networks, graph neural " + "networks",
                null,
                5));
        in.add(new Input(
                "See https://github.com/x/diffusion-model for diffusion models",
                "Code at http://a.b/c:// and ftp://x; diffusion models' samples and the model\u2019s samples",
                null,
                5));
        in.add(new Input(
                "Hyphens",
                "a--b -ab ab- ab-s x-s state-of-the-arts vision-language-models "
                        + "vision-language models vision--language re-ranking re-ranking -- - --- end-",
                null,
                5));
        in.add(new Input(
                "Acronyms",
                "vision-language (VL) models use VL heads; large language models (llms) and "
                        + "LLMs; graph neural networks (GNNs) (GNNs) GNNs; ((LLMs)) (LLM s) (LLMs; reinforcement learning "
                        + "from human feedback (RLHF) and RLHF, RLHF. Vision Transformers (ViTs) beat ViTs",
                null,
                5));
        in.add(new Input(
                "Ünïcödé Models (ÜM) and ΣΙΓΜΑ Nets",
                "Ünïcödé models (ÜM) use ÜM; \u0130stanbul "
                        + "\u0130STANBUL \u212Aelvin \u01C5ungla \uFB01ne-tuning \uFF21\uFF22\uFF23 models and "
                        + "\uFF21\uFF22\uFF23 models, \u00DFtra\u00DFe STRASSE, na\u00EFve na\u00EFve",
                null,
                5));
        in.add(new Input(
                "Digits",
                "3D-printing 3D printing GPT-4o GPT-4o x1 x1 2024 2024 v2 v2 1st-order " + "1st-order models",
                null,
                5));
        in.add(new Input(
                "Whitespace",
                "graph\tneural\u00A0networks graph \n neural\r\nnetworks "
                        + "graph\u2003neural networks graph\u200Bneural",
                null,
                5));
        in.add(new Input(
                "Plurals",
                "queries QUERIES classes approaches boxes biases alias aliases status "
                        + "analysis analyses series species GPUs FLOPs LLMs CNNs gases buses crises theses",
                null,
                5));
        in.add(new Input(
                "Long words",
                "a".repeat(70) + " " + "b".repeat(70) + " " + "a".repeat(70) + " Ab".repeat(40) + " " + "Ab".repeat(40),
                null,
                5));
        return in;
    }

    /**
     * Papers of random letter words, enough to fill any per-thread word cache and make it start over, then some
     * sample papers again: what is remembered between papers must never change a result.
     */
    private static List<Input> cacheChurn() {
        Random random = new Random(7L);
        List<Input> in = new ArrayList<>();
        for (int paper = 0; paper < 14; paper++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 20_000) {
                int length = 2 + random.nextInt(9);
                for (int k = 0; k < length; k++) {
                    char c = (char) ('a' + random.nextInt(26));
                    sb.append(random.nextInt(8) == 0 ? Character.toUpperCase(c) : c);
                }
                sb.append(random.nextInt(6) == 0 ? ", " : " ");
            }
            in.add(new Input("Random words " + paper, sb.toString(), List.of(), 5));
        }
        List<String[]> digest = LabelledPaper.digestPairs();
        for (int i = 0; i < 10; i++) {
            in.add(new Input(digest.get(i)[0], digest.get(i)[1], List.of(), 5));
        }
        return in;
    }

    private static List<Input> random(List<LabelledPaper> records) {
        List<String> pool = new ArrayList<>();
        for (String[] pair : LabelledPaper.digestPairs()) {
            pool.addAll(Arrays.asList(pair[1].split(" ")));
        }
        for (LabelledPaper p : records) {
            pool.addAll(Arrays.asList(p.abstractText().split(" ")));
        }
        // the terms of the taxonomy 2026.11.1 (before the learned area model), kept as a fixed list so that the
        // corpus, which the keyphrase golden test shares, does not change with the taxonomy
        List<String> terms = new ArrayList<>();
        try (InputStream stream = GoldenCorpus.class.getResourceAsStream("/tags/golden-corpus-terms.txt")) {
            for (String line : new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    terms.add(line);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String[] separators = {" ", " ", " ", " ", ", ", ". ", "-", "  ", "\n", "\t", " (", ") ", "; ", "/"};
        Random random = new Random(20240601L);
        int[] maxes = {1, 3, 5, 5, 5, 10};
        List<Input> in = new ArrayList<>();
        for (int n = 0; n < 400; n++) {
            String title = text(random, pool, terms, separators, 2 + random.nextInt(12));
            String abs = text(random, pool, terms, separators, random.nextInt(n % 10 == 0 ? 700 : 200));
            List<String> categories = random.nextInt(4) == 0 ? List.of("cs.CV", "cs.LG") : List.of();
            in.add(new Input(title, abs, categories, maxes[random.nextInt(maxes.length)]));
        }
        return in;
    }

    private static String text(Random random, List<String> pool, List<String> terms, String[] separators, int words) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < words; w++) {
            int kind = random.nextInt(10);
            String word;
            if (kind < 6) {
                word = pool.get(random.nextInt(pool.size())); // 60 %: a word of a real abstract
            } else if (kind < 8) { // 20 %: a taxonomy term, sometimes upper-case, plural or hyphenated
                word = terms.get(random.nextInt(terms.size()));
                int variant = random.nextInt(6);
                word = variant == 0
                        ? word.toUpperCase(Locale.ROOT)
                        : variant == 1 ? word + "s" : variant == 2 ? word.replace(' ', '-') : word;
            } else {
                word = FRAGMENTS[random.nextInt(FRAGMENTS.length)]; // 20 %: an awkward fragment
            }
            sb.append(word).append(separators[random.nextInt(separators.length)]);
        }
        return sb.toString();
    }
}
