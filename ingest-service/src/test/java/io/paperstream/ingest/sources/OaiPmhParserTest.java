package io.paperstream.ingest.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.ingest.domain.PaperInput;
import io.paperstream.ingest.domain.format.UnreadableBodyException;
import io.paperstream.ingest.sources.OaiPmhParser.OaiPage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** OAI-PMH ListRecords pages in arXiv's metadata format: records, deletions, tokens, errors, refusals. */
class OaiPmhParserTest {

    private static OaiPage parse(String resource) {
        return OaiPmhParser.parse(StandIn.resource(resource).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsRecordsInArxivsFormatAndTheResumptionToken() {
        OaiPage page = parse("oai/page1.xml");
        assertThat(page.responseDate()).isEqualTo(Instant.parse("2026-12-06T06:00:00Z"));
        assertThat(page.resumptionToken()).isEqualTo("6961218|1001");
        assertThat(page.completeListSize()).isEqualTo("5");
        assertThat(page.error()).isFalse();
        assertThat(page.records()).hasSize(2);
        PaperInput points = page.records().get(0).record().input();
        assertThat(page.records().get(0).arxivId()).isEqualTo("2409.04828");
        assertThat(points.arxivId()).isEqualTo("2409.04828");
        assertThat(points.title()).startsWith("POINTS: Improving Your Vision-language Model with\n");
        assertThat(points.authors()).containsExactly("Yuan Liu", "Zhongyin Zhao", "Le Tian Jr");
        assertThat(points.categories()).containsExactly("cs.CV", "cs.CL");
        assertThat(points.publishedOn()).isEqualTo("2024-09-07");
        assertThat(points.updatedAt()).isEqualTo("2024-12-02");
        assertThat(points.comment()).isEqualTo("Code: https://github.com/WePOINTS/WePOINTS");
        assertThat(points.license()).isEqualTo("http://creativecommons.org/licenses/by/4.0/");
        assertThat(points.doi()).isNull();
        PaperInput diphoton = page.records().get(1).record().input();
        assertThat(diphoton.authors()).containsExactly("C. Balázs", "E. L. Berger");
        assertThat(diphoton.doi()).isEqualTo("10.1103/PhysRevD.76.013009");
    }

    @Test
    void aDeletedHeaderHasNoMetadataAndARecordWithoutTitleIsStillARecord() {
        OaiPage page = parse("oai/page2.xml");
        assertThat(page.records()).extracting(OaiPmhParser.OaiRecord::deleted).containsExactly(true, false, false);
        assertThat(page.records().get(0).arxivId()).isEqualTo("2401.00002");
        assertThat(page.records().get(1).record().input().title()).isNull();
        assertThat(page.records().get(2).record().input().authors()).containsExactly("Anna-Lena Müller");
    }

    @Test
    void theLastPageHasAnEmptyToken() {
        OaiPage page = parse("oai/page3.xml");
        assertThat(page.resumptionToken()).isNull();
        assertThat(page.records().get(0).arxivId()).isEqualTo("math/0703001");
    }

    @Test
    void errorsAreReadNotThrown() {
        OaiPage none = parse("oai/no-records-match.xml");
        assertThat(none.noRecordsMatch()).isTrue();
        assertThat(none.records()).isEmpty();
        OaiPage bad = parse("oai/bad-resumption-token.xml");
        assertThat(bad.errorCode()).isEqualTo("badResumptionToken");
    }

    @Test
    void malformedOrForeignOrDtdAnswersAreUnreadable() {
        String truncated = StandIn.resource("oai/page1.xml").substring(0, 900);
        assertThatThrownBy(() -> OaiPmhParser.parse(truncated.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableBodyException.class)
                .hasMessageContaining("malformed XML");
        assertThatThrownBy(() -> OaiPmhParser.parse(
                        "<html><body>Service unavailable</body></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableBodyException.class)
                .hasMessageContaining("not an OAI-PMH answer");
        String dtd = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]>"
                + "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>&a;</responseDate></OAI-PMH>";
        assertThatThrownBy(() -> OaiPmhParser.parse(dtd.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableBodyException.class)
                .hasMessageContaining("DTD");
    }
}
