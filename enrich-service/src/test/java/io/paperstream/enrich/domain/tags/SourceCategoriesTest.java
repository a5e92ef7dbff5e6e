package io.paperstream.enrich.domain.tags;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.events.Tag;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Categories given by the source (arXiv) are kept as tags with origin "source". */
class SourceCategoriesTest {
    private static final String VISION_TITLE = "Object Detection in Images with Vision Transformers";
    private static final String VISION_ABSTRACT = "We study object detection and semantic segmentation of images "
            + "with a vision transformer pre-trained on ImageNet and evaluated on COCO.";

    private final Tagger tagger = new Tagger(Taxonomy.fromResource());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "cs.CV,    computer-vision,             cs.CV",
        "CS.cv,    computer-vision,             cs.CV",
        "cs.LG,    machine-learning,            cs.LG",
        "eess.AS,  audio-and-speech-processing, eess.AS",
        "q-bio.NC, q-bio.nc,                    q-bio.NC",
        "math.ST,  math.st,                     math.ST",
    })
    void aSourceCategoryBecomesASourceTag(String category, String name, String arxivCategory) {
        List<Tag> tags = tagger.tag("", "", List.of(category));

        assertThat(tags).containsExactly(new Tag(name, 1.0, arxivCategory, List.of(category), Tag.ORIGIN_SOURCE));
    }

    @Test
    void aCategoryGivenAndComputedAppearsOnceAsSourceWithBothReasons() {
        Tag computed = tagger.tag(VISION_TITLE, VISION_ABSTRACT, List.of()).stream()
                .filter(t -> t.name().equals("computer-vision"))
                .findFirst()
                .orElseThrow();

        List<Tag> tags = tagger.tag(VISION_TITLE, VISION_ABSTRACT, List.of("cs.CV", "cs.LG"));

        assertThat(tags)
                .filteredOn(t -> t.name().equals("computer-vision"))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.origin()).isEqualTo(Tag.ORIGIN_SOURCE);
                    assertThat(t.score()).isEqualTo(1.0);
                    assertThat(t.arxivCategory()).isEqualTo("cs.CV");
                    assertThat(t.matched()).first().isEqualTo("cs.CV");
                    assertThat(t.matched()).containsAll(computed.matched());
                });
        assertThat(tags)
                .filteredOn(t -> t.name().equals("machine-learning"))
                .singleElement()
                .extracting(Tag::origin)
                .isEqualTo(Tag.ORIGIN_SOURCE);
    }

    @Test
    void sourceTagsComeFirstThenComputedTagsByScore() {
        List<Tag> tags = tagger.tag(VISION_TITLE, VISION_ABSTRACT, List.of("q-bio.NC", "cs.CV"));

        assertThat(tags.subList(0, 2)).extracting(Tag::name).containsExactly("computer-vision", "q-bio.nc");
        assertThat(tags).extracting(Tag::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(tags.subList(2, tags.size())).allSatisfy(t -> {
            assertThat(t.origin()).isEqualTo(Tag.ORIGIN_TAXONOMY);
            assertThat(t.score()).isBetween(0.5, 1.0).isLessThan(1.0);
        });
    }

    @Test
    void blankDuplicateAndMissingCategoriesAreIgnored() {
        assertThat(tagger.tag("", "", null)).isEmpty();
        assertThat(tagger.tag("", "", Arrays.asList(" cs.CV ", "", null, "cs.CV", "cs.cv")))
                .containsExactly(new Tag("computer-vision", 1.0, "cs.CV", List.of("cs.CV"), Tag.ORIGIN_SOURCE));
    }
}
