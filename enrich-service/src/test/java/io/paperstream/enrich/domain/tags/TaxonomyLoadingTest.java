package io.paperstream.enrich.domain.tags;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

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
        Map<String, String> categories = taxonomy.tags().stream().filter(t -> t.arxivCategory() != null)
                .collect(Collectors.toMap(TagDefinition::arxivCategory, TagDefinition::name));

        assertThat(taxonomy.version()).isEqualTo("2026.11.1");
        assertThat(taxonomy.tags()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(categories).containsEntry("cs.CV", "computer-vision").containsEntry("cs.LG", "machine-learning")
                .containsEntry("cs.CL", "natural-language-processing").containsEntry("cs.AI", "artificial-intelligence")
                .containsEntry("cs.RO", "robotics").containsEntry("cs.IR", "information-retrieval")
                .containsEntry("cs.SD", "sound").containsEntry("eess.AS", "audio-and-speech-processing")
                .containsEntry("cs.GR", "graphics").containsEntry("cs.CR", "security")
                .containsEntry("cs.HC", "human-computer-interaction");
        assertThat(taxonomy.tags()).extracting(TagDefinition::name).contains("large-language-models",
                "diffusion-models", "reinforcement-learning", "graph-neural-networks", "model-merging",
                "efficiency-and-compression", "interpretability", "datasets-and-benchmarks", "alignment-and-safety",
                "multimodal", "speech", "optimization", "learning-theory");
        assertThat(taxonomy.tags()).allSatisfy(t -> {
            assertThat(t.threshold()).isPositive();
            assertThat(t.terms()).isNotEmpty();
            assertThat(t.label()).isNotBlank();
        });
    }

    @Test
    void loadsFromAFileAsAMountedConfigMapWould() throws IOException {
        Path file = Files.writeString(dir.resolve("taxonomy.yaml"), VALID);

        Taxonomy taxonomy = Taxonomy.fromFile(file);

        assertThat(taxonomy.version()).isEqualTo("9.9");
        assertThat(taxonomy.titleWeight()).isEqualTo(2.0);
        TagDefinition tag = taxonomy.tags().get(0);
        assertThat(tag).isEqualTo(new TagDefinition("computer-vision", "Computer Vision", "cs.CV", 2.0, 1,
                java.util.List.of(new TagDefinition.Term("image", 1), new TagDefinition.Term("object detection", 3))));
    }

    @Test
    void loadsFromAClasspathResourceWithOrWithoutLeadingSlash() {
        assertThat(Taxonomy.fromResource("tags/matching-taxonomy.yaml").version()).isEqualTo("test-1");
        assertThat(Taxonomy.fromResource("/tags/matching-taxonomy.yaml").tags()).isNotEmpty();
    }

    @Test
    void missingSourcesFailClearly() {
        assertThatThrownBy(() -> Taxonomy.fromResource("/taxonomy/nope.yaml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not found")
                .hasMessageContaining("nope.yaml");
        assertThatThrownBy(() -> Taxonomy.fromFile(dir.resolve("absent.yaml")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absent.yaml");
    }

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                arguments("not YAML", "tags: [unclosed", "not valid YAML"),
                arguments("no version", "tags:\n  - {name: a, threshold: 1, terms: {x: 1}}", "missing 'version'"),
                arguments("no tags", "version: 1\ntags: []", "'tags' must be a non-empty list"),
                arguments("missing name", tags("- {label: Vision, threshold: 1, terms: {x: 1}}"),
                        "tag #1 (label 'Vision') is missing 'name'"),
                arguments("bad name", tags("- {name: Computer Vision, threshold: 1, terms: {x: 1}}"),
                        "tag 'Computer Vision': name must be lower-case"),
                arguments("duplicate names", tags("- {name: a, threshold: 1, terms: {x: 1}}\n"
                        + "  - {name: b, threshold: 1, terms: {y: 1}}\n"
                        + "  - {name: a, threshold: 2, terms: {z: 1}}"), "duplicate tag name 'a' (tags #1 and #3)"),
                arguments("missing threshold", tags("- {name: a, terms: {x: 1}}"),
                        "tag 'a': threshold must be a number > 0, got nothing"),
                arguments("zero threshold", tags("- {name: a, threshold: 0, terms: {x: 1}}"),
                        "tag 'a': threshold must be a number > 0, got '0'"),
                arguments("negative threshold", tags("- {name: a, threshold: -1.5, terms: {x: 1}}"),
                        "tag 'a': threshold must be a number > 0"),
                arguments("text threshold", tags("- {name: a, threshold: high, terms: {x: 1}}"),
                        "tag 'a': threshold must be a number > 0, got 'high'"),
                arguments("bad minTerms", tags("- {name: a, threshold: 1, minTerms: 0, terms: {x: 1}}"),
                        "tag 'a': minTerms must be an integer >= 1"),
                arguments("no terms", tags("- {name: a, threshold: 1}"), "tag 'a': 'terms' must map"),
                arguments("zero weight", tags("- {name: a, threshold: 1, terms: {x: 0}}"),
                        "tag 'a': term 'x' needs a non-zero number weight"),
                arguments("text weight", tags("- {name: a, threshold: 1, terms: {x: heavy}}"),
                        "tag 'a': term 'x' needs a non-zero number weight"),
                arguments("same term twice after normalisation", tags("- {name: a, threshold: 1, "
                        + "terms: {language model: 1, Language-Models: 2}}"),
                        "tag 'a': terms 'language model' and 'Language-Models' are the same after normalisation"),
                arguments("term without words", tags("- {name: a, threshold: 1, terms: {'--': 1}}"),
                        "tag 'a': term '--' must have 1 to 6 words"),
                arguments("term too long", tags("- {name: a, threshold: 1, terms: {a b c d e f g: 1}}"),
                        "tag 'a': term 'a b c d e f g' must have 1 to 6 words"),
                arguments("bad category", tags("- {name: a, arxivCategory: 'cs CV', threshold: 1, terms: {x: 1}}"),
                        "tag 'a': arxivCategory 'cs CV' is not like 'cs.CV'"),
                arguments("category twice", tags("- {name: a, arxivCategory: cs.CV, threshold: 1, terms: {x: 1}}\n"
                        + "  - {name: b, arxivCategory: cs.cv, threshold: 1, terms: {y: 1}}"),
                        "tag 'b' repeats arxivCategory 'cs.cv' of tag 'a'"),
                arguments("typo in a field", tags("- {name: a, treshold: 1, terms: {x: 1}}"),
                        "tag 'a': unknown field 'treshold'"),
                arguments("duplicate term key", tags("- name: a\n    threshold: 1\n    terms:\n      x: 1\n      x: 2"),
                        "Duplicate field 'x'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void invalidFilesFailLoadingNamingTheProblem(String title, String yaml, String message) throws IOException {
        Path file = Files.writeString(dir.resolve(title.replace(' ', '-') + ".yaml"), yaml);

        assertThatThrownBy(() -> Taxonomy.fromFile(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message).hasMessageContaining(file.toString());
    }

    private static String tags(String entries) {
        return "version: 1\ntags:\n  " + entries + "\n";
    }
}
