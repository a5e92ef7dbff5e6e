package io.paperstream.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.events.RawPaper;
import io.paperstream.events.RawPaper.SourceLink;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Validation and normalisation of one paper: every limit and rule, the id derivation. */
class PaperValidatorTest {
    private static final String ABSTRACT = "A sufficiently long abstract for the tests.";
    private final PaperValidator validator = new PaperValidator(PaperLimits.DEFAULTS);

    private static PaperInput.Builder t1() {
        return PaperInput.builder().title("T1").abstractText(ABSTRACT);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("no title", PaperInput.of(null, ABSTRACT), "title", "missing"),
                Arguments.of("blank title", PaperInput.of(" \n\t ", ABSTRACT), "title", "missing"),
                Arguments.of("one-letter title", PaperInput.of("A", ABSTRACT), "title", "too-short"),
                Arguments.of("1001-char title", PaperInput.of("t".repeat(1001), ABSTRACT), "title", "too-long"),
                Arguments.of("no abstract", PaperInput.of("Title", null), "abstract", "missing"),
                Arguments.of("short abstract", PaperInput.of("Title", "Too short"), "abstract", "too-short"),
                Arguments.of("20001-char abstract", PaperInput.of("Title", "a".repeat(20_001)), "abstract", "too-long"),
                Arguments.of("control char", PaperInput.of("Ti\u0001tle", ABSTRACT), "title", "control-character"),
                Arguments.of(
                        "2001 authors",
                        t1().authors(Collections.nCopies(2001, "A")).build(),
                        "authors",
                        "too-many"),
                Arguments.of(
                        "long author", t1().authors(List.of("n".repeat(301))).build(), "authors[0]", "too-long"),
                Arguments.of("empty author", t1().authors(List.of(" ")).build(), "authors[0]", "missing"),
                Arguments.of("bad arXiv id", t1().arxivId("12345").build(), "arxivId", "invalid"),
                Arguments.of("bad DOI", t1().doi("doi:nope").build(), "doi", "invalid"),
                Arguments.of("bad date", t1().publishedOn("2025-13-01").build(), "publishedOn", "invalid"),
                Arguments.of("bad instant", t1().updatedAt("yesterday").build(), "updatedAt", "invalid"),
                Arguments.of(
                        "ftp link",
                        t1().links(List.of(new SourceLink("ftp://x.org/a", null)))
                                .build(),
                        "links[0].url",
                        "invalid"),
                Arguments.of(
                        "relative link",
                        t1().links(List.of(new SourceLink("/a/b", null))).build(),
                        "links[0].url",
                        "invalid"),
                Arguments.of("long comment", t1().comment("c".repeat(5001)).build(), "comment", "too-long"),
                Arguments.of(
                        "101 keywords",
                        t1().keywords(Collections.nCopies(101, "k")).build(),
                        "keywords",
                        "too-many"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalid")
    void rejects(String why, PaperInput input, String field, String code) {
        PaperValidator.Checked checked = validator.check(input);
        assertThat(checked.valid()).isFalse();
        assertThat(checked.violations())
                .extracting(Violation::field, Violation::code)
                .contains(org.assertj.core.groups.Tuple.tuple(field, code));
    }

    @Test
    void normalisesAndDerivesTheId() {
        PaperInput input = PaperInput.builder()
                .title("  POINTS:\n Improving  ")
                .abstractText("  An   abstract\twith  spaces, long enough.  ")
                .authors(List.of(" Ada  Lovelace ", "Ada Lovelace", "Alan"))
                .arxivId("arXiv:2409.04828v2")
                .publishedOn("2024-09-07T14:25:39Z")
                .updatedAt("2024-09-10")
                .categories(List.of("cs.CV", "cs.CV"))
                .comment(" ")
                .links(List.of(new SourceLink(" https://github.com/a/b ", "github")))
                .keywords(List.of("k"))
                .build();
        RawPaper paper = validator.check(input).paper();
        assertThat(paper.id()).isEqualTo("arxiv:2409.04828");
        assertThat(paper.arxivId()).isEqualTo("2409.04828v2");
        assertThat(paper.title()).isEqualTo("POINTS: Improving");
        assertThat(paper.abstractText()).isEqualTo("An abstract with spaces, long enough.");
        assertThat(paper.authors()).containsExactly("Ada Lovelace", "Alan");
        assertThat(paper.categories()).containsExactly("cs.CV");
        assertThat(paper.publishedOn()).isEqualTo(LocalDate.of(2024, 9, 7));
        assertThat(paper.updatedAt()).isEqualTo(Instant.parse("2024-09-10T00:00:00Z"));
        assertThat(paper.comment()).isNull();
        assertThat(paper.links()).containsExactly(new SourceLink("https://github.com/a/b", "github"));
    }

    @Test
    void idsFollowTheContractRule() {
        assertThat(validator
                        .check(t1().doi("https://doi.org/10.1000/ABC").build())
                        .paper()
                        .id())
                .isEqualTo("doi:10.1000/abc");
        String a =
                validator.check(PaperInput.of("Same  Title!", ABSTRACT)).paper().id();
        String b =
                validator.check(PaperInput.of("same title", ABSTRACT)).paper().id();
        assertThat(a).isEqualTo(b).matches("title:[0-9a-f]{16}");
    }

    @Test
    void reportsEveryViolationAtOnce() {
        assertThat(validator.check(PaperInput.of(null, null)).violations()).hasSize(2);
    }
}
