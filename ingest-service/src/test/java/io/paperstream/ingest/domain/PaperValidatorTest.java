package io.paperstream.ingest.domain;

import io.paperstream.events.RawPaper;
import io.paperstream.events.RawPaper.SourceLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Validation and normalisation of one paper: every limit and rule, the id derivation. */
class PaperValidatorTest {
    private static final String ABSTRACT = "A sufficiently long abstract for the tests.";
    private final PaperValidator validator = new PaperValidator(PaperLimits.DEFAULTS);

    private static PaperInput base() {
        return new PaperInput("A Title", ABSTRACT, List.of("Ada"), null, null, null, null, null, null, null, null);
    }

    static Stream<Arguments> invalid() {
        PaperInput b = base();
        return Stream.of(
                Arguments.of("no title", PaperInput.of(null, ABSTRACT), "title", "missing"),
                Arguments.of("blank title", PaperInput.of(" \n\t ", ABSTRACT), "title", "missing"),
                Arguments.of("one-letter title", PaperInput.of("A", ABSTRACT), "title", "too-short"),
                Arguments.of("1001-char title", PaperInput.of("t".repeat(1001), ABSTRACT), "title", "too-long"),
                Arguments.of("no abstract", PaperInput.of("Title", null), "abstract", "missing"),
                Arguments.of("short abstract", PaperInput.of("Title", "Too short"), "abstract", "too-short"),
                Arguments.of("20001-char abstract", PaperInput.of("Title", "a".repeat(20_001)), "abstract", "too-long"),
                Arguments.of("control char", PaperInput.of("Ti\u0001tle", ABSTRACT), "title", "control-character"),
                Arguments.of("2001 authors", new PaperInput("T1", ABSTRACT, Collections.nCopies(2001, "A"), null, null,
                        null, null, null, null, null, null), "authors", "too-many"),
                Arguments.of("long author", new PaperInput("T1", ABSTRACT, List.of("n".repeat(301)), null, null, null,
                        null, null, null, null, null), "authors[0]", "too-long"),
                Arguments.of("empty author", new PaperInput("T1", ABSTRACT, List.of(" "), null, null, null, null, null,
                        null, null, null), "authors[0]", "missing"),
                Arguments.of("bad arXiv id", new PaperInput("T1", ABSTRACT, null, "12345", null, null, null, null, null,
                        null, null), "arxivId", "invalid"),
                Arguments.of("bad DOI", new PaperInput("T1", ABSTRACT, null, null, "doi:nope", null, null, null, null,
                        null, null), "doi", "invalid"),
                Arguments.of("bad date", new PaperInput("T1", ABSTRACT, null, null, null, "2025-13-01", null, null, null,
                        null, null), "publishedOn", "invalid"),
                Arguments.of("bad instant", new PaperInput("T1", ABSTRACT, null, null, null, null, "yesterday", null,
                        null, null, null), "updatedAt", "invalid"),
                Arguments.of("ftp link", new PaperInput("T1", ABSTRACT, null, null, null, null, null, null, null,
                        List.of(new SourceLink("ftp://x.org/a", null)), null), "links[0].url", "invalid"),
                Arguments.of("relative link", new PaperInput("T1", ABSTRACT, null, null, null, null, null, null, null,
                        List.of(new SourceLink("/a/b", null)), null), "links[0].url", "invalid"),
                Arguments.of("long comment", new PaperInput("T1", ABSTRACT, null, null, null, null, null, null,
                        "c".repeat(5001), null, null), "comment", "too-long"),
                Arguments.of("101 keywords", new PaperInput("T1", ABSTRACT, null, null, null, null, null, null, null,
                        null, Collections.nCopies(101, "k")), "keywords", "too-many"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalid")
    void rejects(String why, PaperInput input, String field, String code) {
        PaperValidator.Checked checked = validator.check(input);
        assertThat(checked.valid()).isFalse();
        assertThat(checked.violations()).extracting(Violation::field, Violation::code).contains(
                org.assertj.core.groups.Tuple.tuple(field, code));
    }

    @Test
    void normalisesAndDerivesTheId() {
        PaperInput input = new PaperInput("  POINTS:\n Improving  ", "  An   abstract\twith  spaces, long enough.  ",
                List.of(" Ada  Lovelace ", "Ada Lovelace", "Alan"), "arXiv:2409.04828v2", null, "2024-09-07T14:25:39Z",
                "2024-09-10", List.of("cs.CV", "cs.CV"), " ", List.of(new SourceLink(" https://github.com/a/b ", "github")),
                List.of("k"));
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
        assertThat(validator.check(new PaperInput("T1", ABSTRACT, null, null, "https://doi.org/10.1000/ABC", null, null,
                null, null, null, null)).paper().id()).isEqualTo("doi:10.1000/abc");
        String a = validator.check(PaperInput.of("Same  Title!", ABSTRACT)).paper().id();
        String b = validator.check(PaperInput.of("same title", ABSTRACT)).paper().id();
        assertThat(a).isEqualTo(b).matches("title:[0-9a-f]{16}");
    }

    @Test
    void reportsEveryViolationAtOnce() {
        assertThat(validator.check(PaperInput.of(null, null)).violations()).hasSize(2);
    }
}
