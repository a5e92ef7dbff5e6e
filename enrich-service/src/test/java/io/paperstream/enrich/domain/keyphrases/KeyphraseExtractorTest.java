package io.paperstream.enrich.domain.keyphrases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keyphrases: limits, form, determinism, no near-duplicates, and the rules that make them readable. */
class KeyphraseExtractorTest {
    private static final Set<String> STOPWORDS_AND_NUMBERS =
            Set.of("the", "of", "and", "we", "a", "in", "with", "for", "to", "is");

    private final KeyphraseExtractor extractor = new KeyphraseExtractor();

    @Test
    void keyphrasesAreFewLowerCaseShortAndNotJustNumbersOrStopwords() throws IOException {
        for (String[] paper : samplePapers()) {
            List<String> phrases = extractor.extract(paper[0], paper[1], 5);

            assertThat(phrases).as(paper[0]).hasSizeBetween(1, 5).doesNotHaveDuplicates();
            assertThat(phrases).as(paper[0]).allSatisfy(p -> {
                assertThat(p).isEqualTo(p.toLowerCase()).isEqualTo(p.strip()).doesNotContain("  ");
                assertThat(p.split(" ")).hasSizeBetween(1, 4);
                assertThat(p).matches(".*\\p{L}.*\\p{L}.*");
                assertThat(STOPWORDS_AND_NUMBERS).doesNotContain(p);
            });
        }
    }

    @Test
    void noKeyphraseRepeatsAnotherOfTheSamePaper() throws IOException {
        for (String[] paper : samplePapers()) {
            List<String> phrases = extractor.extract(paper[0], paper[1], 5);
            for (int i = 0; i < phrases.size(); i++) {
                for (int j = i + 1; j < phrases.size(); j++) {
                    String a = singular(phrases.get(i));
                    String b = singular(phrases.get(j));
                    assertThat(a.contains(b) || b.contains(a))
                            .as(phrases.get(i) + " / " + phrases.get(j))
                            .isFalse();
                }
            }
        }
    }

    @ParameterizedTest(name = "max {0}")
    @CsvSource({"0, 0", "-1, 0", "1, 1", "3, 3", "5, 5", "50, 50"})
    void returnsAtMostMaxPhrases(int max, int atMost) {
        String text = "Graph neural networks, diffusion models, reinforcement learning and model merging are "
                + "studied; graph neural networks and diffusion models again; reinforcement learning twice; "
                + "model merging twice; sparse autoencoders, sparse autoencoders; speculative decoding, "
                + "speculative decoding; retrieval augmentation, retrieval augmentation.";
        assertThat(extractor.extract("Many Topics", text, max)).hasSizeLessThanOrEqualTo(atMost);
    }

    @Test
    void sameInputGivesTheSameKeyphrasesAcrossThreads() throws IOException {
        List<String[]> papers = samplePapers();
        List<List<String>> first =
                papers.stream().map(p -> extractor.extract(p[0], p[1], 5)).toList();

        List<List<String>> parallel = IntStream.range(0, papers.size())
                .parallel()
                .mapToObj(i -> extractor.extract(papers.get(i)[0], papers.get(i)[1], 5))
                .toList();

        assertThat(parallel).isEqualTo(first);
    }

    @Test
    void pluralsAndAcronymsMergeIntoOnePhrase() {
        List<String> phrases = extractor.extract(
                "Reasoning in Large Language Models",
                "Large language models (LLMs) reason poorly about negation. We probe LLMs on negation benchmarks "
                        + "and show that a large language model fine-tuned on negation improves; LLMs still fail "
                        + "on nested negation.",
                5);

        assertThat(phrases)
                .contains("large language models")
                .doesNotContain("llms", "large language model", "language models");
        assertThat(phrases).contains("negation");
    }

    @Test
    void titlePhrasesAndRepeatedPhrasesWin() {
        List<String> phrases = extractor.extract(
                "Model Merging with Task Arithmetic",
                "We revisit model merging. Task arithmetic adds task vectors to a base model; we show that task "
                        + "vectors interfere, and propose a sign-consensus merge of task vectors. Experiments on "
                        + "eight vision tasks confirm the analysis.",
                3);

        assertThat(phrases).containsExactlyInAnyOrder("model merging", "task arithmetic", "task vectors");
    }

    @Test
    void urlsLatexAndNumbersAreNotKeyphrases() {
        List<String> phrases = extractor.extract(
                "Sparse Attention",
                "Sparse attention costs $\\mathcal{O}(n \\log n)$ instead of $O(n^2)$. Code: "
                        + "https://github.com/example/sparse-attention. We reach 92.5% on 12 of 13 tasks with "
                        + "\\textbf{sparse attention}.",
                5);

        assertThat(phrases).contains("sparse attention");
        assertThat(String.join(" ", phrases)).doesNotContain("github", "mathcal", "textbf", "http", "92", "log");
    }

    @Test
    void missingTextGivesNoKeyphrases() {
        assertThat(extractor.extract(null, null, 5)).isEmpty();
        assertThat(extractor.extract("", "  ", 5)).isEmpty();
        assertThat(extractor.extract("The of and", "", 5)).isEmpty();
        assertThat(extractor.extract("Diffusion Transformers", null, 5)).containsExactly("diffusion transformers");
    }

    @Test
    void nearDuplicateRule() {
        assertThat(KeyphraseExtractor.nearDuplicate(parts("language model"), parts("large language model")))
                .isTrue();
        assertThat(KeyphraseExtractor.nearDuplicate(parts("vision language model"), parts("language model")))
                .isTrue();
        assertThat(KeyphraseExtractor.nearDuplicate(parts("data mixture"), parts("data mixture")))
                .isTrue();
        assertThat(KeyphraseExtractor.nearDuplicate(parts("batch normalization"), parts("layer normalization")))
                .isFalse();
        assertThat(KeyphraseExtractor.nearDuplicate(parts("vision mamba"), parts("mamba training")))
                .isFalse();
    }

    private static String[] parts(String phrase) {
        return phrase.split(" ");
    }

    /** Lower-case words with a plural "s" dropped and hyphens as spaces, to compare phrases loosely. */
    private static String singular(String phrase) {
        List<String> words = new ArrayList<>();
        for (String w : phrase.replace('-', ' ').split(" ")) {
            words.add(w.endsWith("s") && w.length() > 3 ? w.substring(0, w.length() - 1) : w);
        }
        return " " + String.join(" ", words) + " ";
    }

    private static List<String[]> samplePapers() throws IOException {
        List<String> lines = Files.readAllLines(
                        Path.of("../deploy/local/sample/daily-papers-sample.txt"), StandardCharsets.UTF_8)
                .stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        int start = 0;
        while (!lines.get(start).matches("[A-Z][a-z]{2} \\d{1,2}")) {
            start++;
        }
        List<String[]> papers = new ArrayList<>();
        for (int i = start + 1; i + 1 < lines.size(); i += 2) {
            papers.add(new String[] {lines.get(i), lines.get(i + 1)});
        }
        assertThat(papers).hasSize(70);
        return papers;
    }
}
