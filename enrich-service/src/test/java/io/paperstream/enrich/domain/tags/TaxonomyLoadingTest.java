package io.paperstream.enrich.domain.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading the taxonomy from the classpath and from a file, and rejecting invalid files with a clear message. */
class TaxonomyLoadingTest {
    private static final String VALID = """
            version: "9.9"
            tags:
              - name: computer-vision
                label: Computer Vision
                arxivCategory: cs.CV
                threshold: 2
                terms:
                  image: 1
                  object detection: 3
            """;

    @TempDir
    Path dir;

    @Test
    void shippedTaxonomyCoversTheMlAreasAndTopics() {
        Taxonomy taxonomy = Taxonomy.fromResource();
        Map<String, String> categories = taxonomy.tags().stream()
                .filter(t -> t.arxivCategory() != null)
                .collect(Collectors.toMap(TagDefinition::arxivCategory, TagDefinition::name));

        assertThat(taxonomy.version()).isEqualTo("2026.12.1+" + taxonomy.model().version());
        assertThat(taxonomy.model().version()).startsWith("arxiv-lr-");
        assertThat(taxonomy.tags()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(categories)
                .containsEntry("cs.CV", "computer-vision")
                .containsEntry("cs.LG", "machine-learning")
                .containsEntry("cs.CL", "natural-language-processing")
                .containsEntry("cs.AI", "artificial-intelligence")
                .containsEntry("cs.RO", "robotics")
                .containsEntry("cs.IR", "information-retrieval")
                .containsEntry("cs.SD", "sound")
                .containsEntry("eess.AS", "audio-and-speech-processing")
                .containsEntry("cs.GR", "graphics")
                .containsEntry("cs.CR", "security")
                .containsEntry("cs.HC", "human-computer-interaction")
                .containsEntry("cs.GT", "game-theory")
                .containsEntry("cs.CE", "computational-engineering")
                .containsEntry("cs.IT", "information-theory");
        assertThat(taxonomy.tags())
                .extracting(TagDefinition::name)
                .contains(
                        "large-language-models",
                        "diffusion-models",
                        "reinforcement-learning",
                        "graph-neural-networks",
                        "model-merging",
                        "efficiency-and-compression",
                        "interpretability",
                        "datasets-and-benchmarks",
                        "alignment-and-safety",
                        "multimodal",
                        "speech",
                        "optimization",
                        "learning-theory");
        assertThat(taxonomy.tags()).allSatisfy(t -> {
            assertThat(t.threshold()).isPositive();
            assertThat(t.label()).isNotBlank();
            if (t.arxivCategory() != null) { // the areas: scored by the learned model, within its categories
                assertThat(t.terms()).isEmpty();
                assertThat(taxonomy.model().categoryIndex(t.arxivCategory())).isNotNegative();
                assertThat(t.threshold()).isLessThanOrEqualTo(1); // 1: given only as the primary, never as carried
            } else {
                assertThat(t.terms()).isNotEmpty();
            }
        });
    }

    @Test
    void aMountedTaxonomyMayUseTheShippedModelAndOverrideAThreshold() throws IOException {
        Path file = Files.writeString(dir.resolve("taxonomy.yaml"), """
                version: "site-1"
                model: arxiv-areas
                tags:
                  - {name: vision, arxivCategory: cs.CV, threshold: 0.9}
                  - {name: language, arxivCategory: cs.CL}
                  - {name: diffusion, threshold: 2, terms: {diffusion model: 2}}
                """);

        Taxonomy taxonomy = Taxonomy.fromFile(file);

        assertThat(taxonomy.version()).isEqualTo("site-1+" + taxonomy.model().version());
        ArxivModel model = taxonomy.model();
        assertThat(taxonomy.tags().get(0).threshold()).isEqualTo(0.9);
        assertThat(taxonomy.tags().get(1).threshold()).isEqualTo(model.threshold(model.categoryIndex("cs.CL")));
        assertThat(taxonomy.tags().get(2).terms()).hasSize(1);
    }

    @Test
    void aMountedTaxonomyMayNameItsOwnModelFile() throws IOException {
        Files.writeString(dir.resolve("own.tsv"), """
                version\town-1
                categories\tcs.CV\tcs.GR
                bias\t-2\t-3
                primaryBias\t0\t0\t0
                threshold\t0.5\t0.6
                floor\t0.3
                second\t2
                w\tmesh\t1:4.5
                p\tpoint cloud\t0:2\t1:1.5
                """);
        Path file = Files.writeString(
                dir.resolve("taxonomy.yaml"),
                "version: v\nmodel: own.tsv\ntags:\n  - {name: graphics, arxivCategory: cs.GR}\n");

        Taxonomy taxonomy = Taxonomy.fromFile(file);

        assertThat(taxonomy.version()).isEqualTo("v+own-1");
        assertThat(new Tagger(taxonomy).tag("Mesh editing", "We edit a point cloud.", null))
                .singleElement()
                .satisfies(tag -> {
                    assertThat(tag.name()).isEqualTo("graphics");
                    assertThat(tag.arxivCategory()).isEqualTo("cs.GR");
                    assertThat(tag.matched()).containsExactly("mesh", "point cloud");
                    assertThat(tag.score()).isEqualTo(Math.round(1000 / (1 + Math.exp(-(-3 + 4.5 + 1.5)))) / 1000.0);
                    // the primary head has no weights here: 1/3 each, below the carry probability
                });
    }

    @Test
    void learnedTagsNeedAModelThatKnowsTheirCategory() throws IOException {
        assertThatThrownBy(() -> Taxonomy.fromFile(Files.writeString(
                        dir.resolve("a.yaml"), "version: v\ntags:\n  - {name: vision, arxivCategory: cs.CV}\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tag 'vision': 'terms' must map at least one term")
                .hasMessageContaining("names a 'model'");
        assertThatThrownBy(() -> Taxonomy.fromFile(Files.writeString(
                        dir.resolve("b.yaml"),
                        "version: v\nmodel: arxiv-areas\ntags:\n  - {name: astro, arxivCategory: astro-ph.GA}\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tag 'astro': the model arxiv-lr-")
                .hasMessageContaining("no category 'astro-ph.GA'");
        assertThatThrownBy(
                        () -> Taxonomy.fromFile(
                                Files.writeString(
                                        dir.resolve("c.yaml"),
                                        "version: v\nmodel: arxiv-areas\ntags:\n  - {name: vision, arxivCategory: cs.CV, threshold: 3}\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tag 'vision': the threshold of a learned tag is a probability");
        assertThatThrownBy(() -> Taxonomy.fromFile(Files.writeString(
                        dir.resolve("d.yaml"),
                        "version: v\nmodel: no-such-model\ntags:\n  - {name: vision, arxivCategory: cs.CV}\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("d.yaml")
                .hasMessageContaining("tag model 'no-such-model' not found");
        assertThatThrownBy(() -> Taxonomy.fromFile(Files.writeString(
                        dir.resolve("e.yaml"),
                        "version: v\nmodel: absent.tsv\ntags:\n  - {name: vision, arxivCategory: cs.CV}\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e.yaml")
                .hasMessageContaining("absent.tsv");
        Files.writeString(dir.resolve("bad.tsv"), "version\tx\ncategories\tcs.CV\nbias\t1\n");
        assertThatThrownBy(() -> Taxonomy.fromFile(Files.writeString(
                        dir.resolve("f.yaml"),
                        "version: v\nmodel: bad.tsv\ntags:\n  - {name: vision, arxivCategory: cs.CV}\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.tsv")
                .hasMessageContaining("needs version, categories, bias, primaryBias, threshold");
    }

    @Test
    void loadsFromAFileAsAMountedConfigMapWould() throws IOException {
        Path file = Files.writeString(dir.resolve("taxonomy.yaml"), VALID);

        Taxonomy taxonomy = Taxonomy.fromFile(file);

        assertThat(taxonomy.version()).isEqualTo("9.9");
        assertThat(taxonomy.titleWeight()).isEqualTo(2.0);
        TagDefinition tag = taxonomy.tags().get(0);
        assertThat(tag)
                .isEqualTo(new TagDefinition(
                        "computer-vision",
                        "Computer Vision",
                        "cs.CV",
                        2.0,
                        1,
                        java.util.List.of(
                                new TagDefinition.Term("image", 1), new TagDefinition.Term("object detection", 3))));
    }

    @Test
    void loadsFromAClasspathResourceWithOrWithoutLeadingSlash() {
        assertThat(Taxonomy.fromResource("tags/matching-taxonomy.yaml").version())
                .isEqualTo("test-1");
        assertThat(Taxonomy.fromResource("/tags/matching-taxonomy.yaml").tags()).isNotEmpty();
    }

    @Test
    void missingSourcesFailClearly() {
        assertThatThrownBy(() -> Taxonomy.fromResource("/taxonomy/nope.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not found")
                .hasMessageContaining("nope.yaml");
        assertThatThrownBy(() -> Taxonomy.fromFile(dir.resolve("absent.yaml")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absent.yaml");
    }

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                arguments("not YAML", "tags: [unclosed", "not valid YAML"),
                arguments("no version", "tags:\n  - {name: a, threshold: 1, terms: {x: 1}}", "missing 'version'"),
                arguments("no tags", "version: 1\ntags: []", "'tags' must be a non-empty list"),
                arguments(
                        "missing name",
                        tags("- {label: Vision, threshold: 1, terms: {x: 1}}"),
                        "tag #1 (label 'Vision') is missing 'name'"),
                arguments(
                        "bad name",
                        tags("- {name: Computer Vision, threshold: 1, terms: {x: 1}}"),
                        "tag 'Computer Vision': name must be lower-case"),
                arguments(
                        "duplicate names",
                        tags("- {name: a, threshold: 1, terms: {x: 1}}\n"
                                + "  - {name: b, threshold: 1, terms: {y: 1}}\n"
                                + "  - {name: a, threshold: 2, terms: {z: 1}}"),
                        "duplicate tag name 'a' (tags #1 and #3)"),
                arguments(
                        "missing threshold",
                        tags("- {name: a, terms: {x: 1}}"),
                        "tag 'a': threshold must be a number > 0, got nothing"),
                arguments(
                        "zero threshold",
                        tags("- {name: a, threshold: 0, terms: {x: 1}}"),
                        "tag 'a': threshold must be a number > 0, got '0'"),
                arguments(
                        "negative threshold",
                        tags("- {name: a, threshold: -1.5, terms: {x: 1}}"),
                        "tag 'a': threshold must be a number > 0"),
                arguments(
                        "text threshold",
                        tags("- {name: a, threshold: high, terms: {x: 1}}"),
                        "tag 'a': threshold must be a number > 0, got 'high'"),
                arguments(
                        "bad minTerms",
                        tags("- {name: a, threshold: 1, minTerms: 0, terms: {x: 1}}"),
                        "tag 'a': minTerms must be an integer >= 1"),
                arguments("no terms", tags("- {name: a, threshold: 1}"), "tag 'a': 'terms' must map"),
                arguments(
                        "zero weight",
                        tags("- {name: a, threshold: 1, terms: {x: 0}}"),
                        "tag 'a': term 'x' needs a non-zero number weight"),
                arguments(
                        "text weight",
                        tags("- {name: a, threshold: 1, terms: {x: heavy}}"),
                        "tag 'a': term 'x' needs a non-zero number weight"),
                arguments(
                        "same term twice after normalisation",
                        tags("- {name: a, threshold: 1, " + "terms: {language model: 1, Language-Models: 2}}"),
                        "tag 'a': terms 'language model' and 'Language-Models' are the same after normalisation"),
                arguments(
                        "term without words",
                        tags("- {name: a, threshold: 1, terms: {'--': 1}}"),
                        "tag 'a': term '--' must have 1 to 6 words"),
                arguments(
                        "term too long",
                        tags("- {name: a, threshold: 1, terms: {a b c d e f g: 1}}"),
                        "tag 'a': term 'a b c d e f g' must have 1 to 6 words"),
                arguments(
                        "bad category",
                        tags("- {name: a, arxivCategory: 'cs CV', threshold: 1, terms: {x: 1}}"),
                        "tag 'a': arxivCategory 'cs CV' is not like 'cs.CV'"),
                arguments(
                        "category twice",
                        tags("- {name: a, arxivCategory: cs.CV, threshold: 1, terms: {x: 1}}\n"
                                + "  - {name: b, arxivCategory: cs.cv, threshold: 1, terms: {y: 1}}"),
                        "tag 'b' repeats arxivCategory 'cs.cv' of tag 'a'"),
                arguments(
                        "typo in a field",
                        tags("- {name: a, treshold: 1, terms: {x: 1}}"),
                        "tag 'a': unknown field 'treshold'"),
                arguments(
                        "duplicate term key",
                        tags("- name: a\n    threshold: 1\n    terms:\n      x: 1\n      x: 2"),
                        "Duplicate field 'x'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void invalidFilesFailLoadingNamingTheProblem(String title, String yaml, String message) throws IOException {
        Path file = Files.writeString(dir.resolve(title.replace(' ', '-') + ".yaml"), yaml);

        assertThatThrownBy(() -> Taxonomy.fromFile(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .hasMessageContaining(file.toString());
    }

    private static String tags(String entries) {
        return "version: 1\ntags:\n  " + entries + "\n";
    }
}
