package io.paperstream.enrich.domain.links;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.events.Link;
import io.paperstream.events.LinkKind;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link LinkExtractor#classify}: one URL given by a source, cleaned and classified, or rejected. */
class LinkClassifyCasesTest {

    private static final LinkExtractor EXTRACTOR = new LinkExtractor();

    static Stream<Arguments> cases() {
        return CaseTable.read("/links/classify-cases.tsv", 6).stream().map(row -> Arguments.of((Object[]) row));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifiesOneUrl(String input, String url, String canonicalUrl, String kind, String host, String subject) {
        Optional<Link> link = EXTRACTOR.classify(input, Link.ORIGIN_SOURCE);

        if (url.equals("-")) {
            assertThat(link).isEmpty();
        } else {
            assertThat(link)
                    .contains(new Link(
                            url,
                            canonicalUrl,
                            LinkKind.fromWireName(kind),
                            host,
                            CaseTable.orNull(subject),
                            Link.ORIGIN_SOURCE));
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n"})
    void rejectsNothing(String input) {
        assertThat(EXTRACTOR.classify(input, Link.ORIGIN_SOURCE)).isEmpty();
    }

    @Test
    void keepsTheOriginGiven() {
        assertThat(EXTRACTOR.classify("https://github.com/a/b", "feed"))
                .get()
                .extracting(Link::origin)
                .isEqualTo("feed");
        assertThat(EXTRACTOR.classify("https://github.com/a/b", Link.ORIGIN_TEXT))
                .get()
                .extracting(Link::origin)
                .isEqualTo(Link.ORIGIN_TEXT);
    }

    @Test
    void defaultsAMissingOriginToSource() {
        assertThat(EXTRACTOR.classify("https://github.com/a/b", null))
                .get()
                .extracting(Link::origin)
                .isEqualTo(Link.ORIGIN_SOURCE);
    }

    @Test
    void agreesWithExtraction() {
        String url = "https://huggingface.co/datasets/cerebras/SlimPajama-627B";
        Link extracted = EXTRACTOR.extract("Data: " + url + ".").get(0);

        assertThat(EXTRACTOR.classify(url, Link.ORIGIN_TEXT)).contains(extracted);
    }
}
