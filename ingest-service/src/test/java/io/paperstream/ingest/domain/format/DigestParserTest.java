package io.paperstream.ingest.domain.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.ingest.domain.SourceRecord;
import io.paperstream.ingest.domain.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The daily-digest text: the project sample, hostile layouts, date lines and their year. */
class DigestParserTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final String ABSTRACT = "We propose a method. It works well on every benchmark we tried.";

    private static DigestParser.Digest parse(String text) {
        return DigestParser.parse(text, Optional.empty(), TODAY);
    }

    @Test
    void theProjectSampleHasSeventyPapers() throws IOException {
        String sample = Files.readString(Path.of("../deploy/local/sample/daily-papers-sample.txt"));
        DigestParser.Digest digest = parse(sample);
        assertThat(digest.records()).hasSize(70).allMatch(SourceRecord::readable);
        assertThat(digest.records().get(0).input().title())
                .isEqualTo("POINTS: Improving Your Vision-language Model with Affordable Strategies");
        assertThat(digest.date().date()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(digest.date().source()).isEqualTo(DigestDate.INFERRED);
    }

    @Test
    void windowsLineEndingsExtraBlankLinesAndNoDateLine() {
        DigestParser.Digest digest = parse("\uFEFFnew\r\n\r\n\r\nTitle One\r\n\r\n\r\n\r\n" + ABSTRACT
                + "\r\n\r\nTitle Two\r\n\r\n" + ABSTRACT + "\r\n\r\n");
        assertThat(digest.records()).extracting(r -> r.input().title()).containsExactly("Title One", "Title Two");
        assertThat(digest.records()).allMatch(r -> r.input().publishedOn() == null);
        assertThat(digest.date().source()).isEqualTo(DigestDate.NONE);
    }

    @Test
    void aTitleWithoutAbstractIsRejectedAlone() {
        List<SourceRecord> records = parse("Mar 14\n\nLonely Title\n\nGood Title\n\n" + ABSTRACT + "\n\nLast Title\n")
                .records();
        assertThat(records)
                .extracting(r ->
                        r.readErrors().stream().map(Violation::code).findFirst().orElse("ok"))
                .containsExactly("missing", "ok", "missing");
        assertThat(records.get(0).location()).isEqualTo("line 3");
        assertThat(records.get(1).input().publishedOn()).isEqualTo("2025-03-14");
    }

    @Test
    void titleAndAbstractWithoutABlankLineBetween() {
        List<SourceRecord> records = parse("Joined Title\n" + ABSTRACT + "\n").records();
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.input().title()).isEqualTo("Joined Title");
            assertThat(r.input().abstractText()).isEqualTo(ABSTRACT);
        });
    }

    @Test
    void anAbstractWithoutTitleIsRejected() {
        List<SourceRecord> records =
                parse(ABSTRACT + "\n\nTitle\n\n" + ABSTRACT + "\n").records();
        assertThat(records.get(0).readable()).isFalse();
        assertThat(records.get(0).readErrors().get(0).field()).isEqualTo("title");
        assertThat(records.get(1).readable()).isTrue();
    }

    @Test
    void theDateParameterWins() {
        DigestParser.Digest digest =
                DigestParser.parse("Mar 14\n\nT1\n\n" + ABSTRACT, Optional.of(LocalDate.of(2020, 1, 2)), TODAY);
        assertThat(digest.date().source()).isEqualTo(DigestDate.PARAMETER);
        assertThat(digest.records().get(0).input().publishedOn()).isEqualTo("2020-01-02");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(nullValues = "none", textBlock = """
            Mar 14,         2025-03-14
            Mar 10,         2026-03-10
            March 9,        2026-03-09
            Sept 30,        2025-09-30
            dec. 31,        2025-12-31
            'Feb 29',       2024-02-29
            'Mar 14, 2023', 2023-03-14
            Mar 32,         none
            Marching 4,     none
            14 Mar,         none
            """)
    void dateLines(String line, String expected) {
        assertThat(DigestParser.dateLine(line, TODAY)
                        .map(d -> d.date().toString())
                        .orElse(null))
                .isEqualTo(expected);
    }
}
