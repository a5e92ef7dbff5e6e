package io.paperstream.enrich.domain.tags;

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

import static org.assertj.core.api.Assertions.assertThat;

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
        "large language models (LLMs)", "LLMs", "LLM's", "(LLMs)", "vision-language models (VLMs)", "VLMs",
        "reinforcement learning (RL)", "RL-based", "RL", "GANs", "CNNs", "model's", "model\u2019s", "models'",
        "$x^2 + y$", "$", "\\textbf{RL}", "\\cite{x}", "\\alpha", "https://github.com/x/diffusion-model",
        "http://arxiv.org/abs/2401.00001", "e.g.", "i.e.", "et al.", "state-of-the-art", "vision-language-",
        "--", "-", "3D", "GPT-4", "GPT-4o", "2D-3D", "1", "42", "x", "A", "I", "Über", "naïve", "ÉCOLE", "Straße",
        "\u0130stanbul", "\u03a3\u03b9\u03b3\u03bc\u03b1", "\u6a21\u578b", "\ud83d\ude80", "\u00a0", "\t", "\r\n",
        "\n", "\u2014", "\u2013", "\u00b2", "\u0663", "(", ")", ",", ".", ";", ":", "!", "?", "'", "\"", "/",
        "[1]", "{", "}", "queries", "biases", "boxes", "classes", "matches", "wishes", "policies", "status",
        "analysis", "bias", "gas", "ideas", "datas", "AIs", "APIs", "LoRA", "QLoRA", "MoE", "MoEs", "ViT", "ViTs",
        "large-language-model", "text-to-image", "image-text", "Large Language Models", "LARGE LANGUAGE MODELS",
        "deep learning", "Deep-Learning", "neural networks", "Neural Networks (NNs)", "NNs", "CURL", "URL",
    };

    private GoldenCorpus() {
    }

    /** All inputs, in a fixed order. */
    public static List<Input> inputs() {
        List<Input> inputs = new ArrayList<>();
        for (String[] pair : LabelledPaper.digestPairs()) {
            inputs.add(new Input(pair[0], pair[1], List.of(), 5));
        }
        List<LabelledPaper> records = LabelledPaper.fromRecords();
        for (LabelledPaper p : records) {
            inputs.add(new Input(p.title(), p.abstractText(), List.copyOf(p.categories().stream().sorted().toList()),
                    5));
        }
        inputs.addAll(edgeCases());
        inputs.addAll(random(records));
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
            assertThat(got[k]).as("line %d of %s (input %s)", k + 1, resource, context).isEqualTo(want[k]);
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
        in.add(new Input("Large Language Models (LLMs) for code",
                "Large language models (LLMs) write code. LLMs are good; LLMs' code runs. (LLMs) again.", null, 5));
        StringBuilder longText = new StringBuilder();
        for (LabelledPaper p : LabelledPaper.fromRecords()) {
            longText.append(p.abstractText()).append(' ');
        }
        in.add(new Input("A very long abstract", longText.toString(), List.of(), 5));
        in.add(new Input("A very long abstract", longText.toString(), List.of(), 50));
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
        List<String> terms = new ArrayList<>();
        for (TagDefinition tag : Taxonomy.fromResource().tags()) {
            for (TagDefinition.Term term : tag.terms()) {
                terms.add(term.text());
            }
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

    private static String text(Random random, List<String> pool, List<String> terms, String[] separators,
                               int words) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < words; w++) {
            int kind = random.nextInt(10);
            String word;
            if (kind < 6) {
                word = pool.get(random.nextInt(pool.size())); // 60 %: a word of a real abstract
            } else if (kind < 8) { // 20 %: a taxonomy term, sometimes upper-case, plural or hyphenated
                word = terms.get(random.nextInt(terms.size()));
                int variant = random.nextInt(6);
                word = variant == 0 ? word.toUpperCase(Locale.ROOT) : variant == 1 ? word + "s"
                        : variant == 2 ? word.replace(' ', '-') : word;
            } else {
                word = FRAGMENTS[random.nextInt(FRAGMENTS.length)]; // 20 %: an awkward fragment
            }
            sb.append(word).append(separators[random.nextInt(separators.length)]);
        }
        return sb.toString();
    }
}
