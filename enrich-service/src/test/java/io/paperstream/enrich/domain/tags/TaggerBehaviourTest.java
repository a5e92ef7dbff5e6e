package io.paperstream.enrich.domain.tags;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.events.Tag;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a caller of the shipped taxonomy relies on: sensible areas, no default tag, determinism, thread-safety. */
class TaggerBehaviourTest {
    private final Tagger tagger = new Tagger(Taxonomy.fromResource());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Robot grasping       | Learning Grasps for Robot Arms | A robot learns grasping from teleoperation demonstrations and transfers sim-to-real with a gripper. | robotics
            Speech recognition   | Streaming Speech Recognition   | We improve automatic speech recognition (ASR) for noisy speech with a new acoustic model and audio augmentation. | audio-and-speech-processing
            Retrieval            | Dense Retrieval at Scale       | A dense retriever ranks passages for each query; re-ranking with BM25 negatives improves information retrieval. | information-retrieval
            Security             | Jailbreak Attacks on LLMs      | We show jailbreak attacks and prompt injection against aligned models and evaluate a defense against the attacker. | security
            LLM                  | Scaling Large Language Models  | Large language models (LLMs) are trained on text corpora; we study tokenization and instruction tuning. | large-language-models
            Segmentation         | Diffusion models for image segmentation | We train a diffusion model for semantic image segmentation of street scenes. | computer-vision
            """)
    void papersGetTheirArea(String what, String title, String abstractText, String expected) {
        assertThat(tagger.tag(title, abstractText, List.of()))
                .extracting(Tag::name)
                .contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Physics         | Strong Coupling Expansion of the Hubbard Model | We compute the strong coupling expansion of the two-dimensional Hubbard model and compare with quantum Monte Carlo data.
            Cooking         | A Better Sourdough                             | We describe how hydration and fermentation time change the crumb of sourdough bread.
            Empty           |                                                |
            """)
    void aPaperWithoutConfidentEvidenceGetsNoTag(String what, String title, String abstractText) {
        assertThat(tagger.tag(title, abstractText, List.of())).isEmpty();
    }

    @Test
    void aSingleBroadWordDoesNotMakeTheMachineLearningTag() {
        assertThat(tagger.tag("", "We use a model of the data.", List.of())).isEmpty();
    }

    @Test
    void taggingIsDeterministicAndThreadSafe() {
        List<LabelledPaper> papers = LabelledPaper.all();
        List<List<Tag>> sequential = papers.stream()
                .map(p -> tagger.tag(p.title(), p.abstractText(), List.of()))
                .toList();

        List<List<Tag>> parallel = IntStream.range(0, papers.size())
                .parallel()
                .mapToObj(i -> tagger.tag(papers.get(i).title(), papers.get(i).abstractText(), List.of()))
                .toList();

        assertThat(parallel).isEqualTo(sequential);
        assertThat(sequential)
                .allSatisfy(tags -> assertThat(tags).allSatisfy(t -> {
                    // a term tag scores from 0.5 (its threshold) up; a learned area tag scores its probability
                    assertThat(t.score()).isBetween(t.arxivCategory() == null ? 0.5 : 0.0, 1.0);
                    assertThat(t.matched()).isNotEmpty().hasSizeLessThanOrEqualTo(10);
                }));
    }
}
