package io.paperstream.enrich.domain.tags;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.events.Tag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Matching rules: word boundaries, case, plurals, acronyms, hyphens, phrases, weights. */
class TermMatchingTest {
    private final Tagger tagger = new Tagger(Taxonomy.fromResource("/tags/matching-taxonomy.yaml"));

    @ParameterizedTest(name = "[{index}] {0} in \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            rl              | We train an RL agent.                          | true
            rl              | RL-based fine-tuning helps.                    | true
            rl              | The URL and the control loop.                  | false
            rl              | a rl agent written in lower case               | false
            rl              | CURL is a library.                             | false
            gan             | GANs synthesise faces.                         | true
            gan             | An organic organ and a gang.                   | false
            gan             | a gan in lower case                            | false
            llm-phrase      | Large Language Models are popular.             | true
            llm-phrase      | a large-language-model agent                   | true
            llm-phrase      | large models of language                       | false
            vision-language | vision language models                         | true
            vision-language | Vision-Language pre-training                   | true
            vision-language | vision and language                            | false
            diffusion       | DIFFUSION MODELS beat GANs                     | true
            diffusion       | a diffusion-model sampler                      | true
            diffusion       | diffusion in models                            | false
            query           | Queries are rewritten.                         | true
            query           | A query is rewritten.                          | true
            query           | Querying is not a query form we stem.          | true
            query           | Querying only.                                 | false
            negated         | text generation                                | true
            negated         | text-to-image generation                       | false
            """)
    void matchesOnWordBoundariesWithPluralAndAcronymRules(String tag, String text, boolean expected) {
        List<String> names = names(tagger.tag("", text, List.of()));
        if (expected) {
            assertThat(names).as(text).contains(tag);
        } else {
            assertThat(names).as(text).doesNotContain(tag);
        }
    }

    @Test
    void urlsAndLatexCommandsAreNotEvidence() {
        assertThat(names(tagger.tag("", "Code: https://github.com/x/diffusion-model \\textbf{RL}", List.of())))
                .doesNotContain("diffusion");
    }

    @Test
    void aTermInsideALongerTermOfTheSameTagCountsOnce() {
        // 1.5 for "large language model" alone; "language model" inside it does not add its 1.5
        assertThat(tagger.rawScores("", "large language models").get("nested")).isEqualTo(1.5);
        assertThat(tagger.rawScores("", "large language models and a language model")
                        .get("nested"))
                .isEqualTo(3.0);
    }

    @Test
    void titleOccurrencesCountMoreAndRepeatsAddLess() {
        Map<String, Double> title = tagger.rawScores("Diffusion models", "");
        Map<String, Double> once = tagger.rawScores("", "a diffusion model");
        Map<String, Double> thrice = tagger.rawScores("", "diffusion model, diffusion model, diffusion model");
        Map<String, Double> often = tagger.rawScores("", "diffusion model ".repeat(10));
        assertThat(title.get("diffusion")).isEqualTo(2.0);
        assertThat(once.get("diffusion")).isEqualTo(1.0);
        assertThat(thrice.get("diffusion")).isEqualTo(2.0);
        assertThat(often.get("diffusion")).as("at most two repeats count").isEqualTo(2.0);
    }

    @Test
    void scoreIsHalfAtTheThresholdAndBelowOneAbove() {
        Tag atThreshold = tagger.tag("", "a diffusion model", List.of()).get(0);
        Tag above =
                tagger.tag("Diffusion models", "diffusion models", List.of()).get(0);
        assertThat(atThreshold.score()).isEqualTo(0.5);
        assertThat(above.score()).isEqualTo(0.75); // raw 3, threshold 1: 3 / (3 + 1)
        assertThat(above.matched()).containsExactly("diffusion model");
        assertThat(above.origin()).isEqualTo(Tag.ORIGIN_TAXONOMY);
    }

    private static List<String> names(List<Tag> tags) {
        return tags.stream().map(Tag::name).toList();
    }
}
