package io.paperstream.ingest.domain.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.paperstream.events.RawPaper.SourceLink;
import io.paperstream.ingest.domain.PaperInput;
import io.paperstream.ingest.domain.SourceRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** arXiv Atom feeds read field by field; DTDs (XXE, billion laughs) refused quickly. */
class AtomFeedParserTest {

    private static String sample(String name) throws IOException {
        try (InputStream in = AtomFeedParserTest.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsEveryFieldOfAnArxivEntry() throws IOException {
        List<SourceRecord> records = AtomFeedParser.parse(sample("arxiv-feed.xml"));
        assertThat(records).hasSize(2);
        PaperInput p = records.get(0).input();
        assertThat(p.arxivId()).isEqualTo("2409.04828v2");
        assertThat(p.title()).startsWith("POINTS: Improving Your Vision-language Model with Affordable");
        assertThat(p.abstractText()).contains("geometric\nproblem-solving");
        assertThat(p.authors()).containsExactly("Yuan Liu", "Zhongyin Zhao");
        assertThat(p.publishedOn()).isEqualTo("2024-09-07T14:25:39Z");
        assertThat(p.updatedAt()).isEqualTo("2024-09-10T12:01:02Z");
        assertThat(p.categories()).containsExactly("cs.CV", "cs.CV", "cs.CL");
        assertThat(p.comment()).isEqualTo("v2 fixes typos; 20 pages");
        assertThat(p.doi()).isEqualTo("10.48550/arXiv.2409.04828");
        assertThat(p.links())
                .contains(
                        new SourceLink("http://arxiv.org/pdf/2409.04828v2", "pdf"),
                        new SourceLink("http://arxiv.org/abs/2409.04828v2", "abstract-page"));
        assertThat(records.get(1).input().arxivId()).isEqualTo("hep-th/9901001v1");
        assertThat(records.get(1).location()).startsWith("entry 2 (line ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xxe.xml", "billion-laughs.xml"})
    void refusesDtdsQuicklyWithoutExpandingAnything(String name) throws IOException {
        String xml = sample(name);
        assertTimeoutPreemptively(
                Duration.ofSeconds(2),
                () -> assertThatThrownBy(() -> AtomFeedParser.parse(xml))
                        .isInstanceOf(UnreadableBodyException.class)
                        .hasMessageContaining("DTD"));
    }

    @Test
    void refusesAnInternalSubsetWithParameterEntities() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY % remote SYSTEM \"http://127.0.0.1:1/x.dtd\">"
                + "%remote;]><feed xmlns=\"http://www.w3.org/2005/Atom\"/>";
        assertThatThrownBy(() -> AtomFeedParser.parse(xml)).isInstanceOf(UnreadableBodyException.class);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry>                         | unclosed
            <rss version="2.0"><channel/></rss>                                        | not Atom
            <feed><entry/></feed>                                                      | no namespace
            ''                                                                         | empty
            <feed xmlns="http://www.w3.org/2005/Atom"></feed><feed/>                   | two roots
            """)
    void refusesWhatIsNotAnAtomFeed(String xml, String why) {
        assertThatThrownBy(() -> AtomFeedParser.parse(xml)).as(why).isInstanceOf(UnreadableBodyException.class);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(nullValues = "none", textBlock = """
            http://arxiv.org/abs/2409.04828v2,     2409.04828v2
            https://arxiv.org/abs/hep-th/9901001,  hep-th/9901001
            2409.04828,                            2409.04828
            http://example.org/entry/1,            none
            """)
    void entryIdsToArxivIds(String id, String expected) {
        assertThat(AtomFeedParser.arxivId(id)).isEqualTo(expected);
    }
}
