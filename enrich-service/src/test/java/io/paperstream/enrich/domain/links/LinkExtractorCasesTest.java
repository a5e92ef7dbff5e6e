package io.paperstream.enrich.domain.links;

import io.paperstream.events.Link;
import io.paperstream.events.LinkKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The extraction table: every rule of the link extractor, one line of text per case. */
class LinkExtractorCasesTest {

    private static final LinkExtractor EXTRACTOR = new LinkExtractor();

    static Stream<Arguments> cases() {
        return CaseTable.read("/links/extract-cases.tsv", 2).stream()
                .map(row -> Arguments.of(row[0].replace('⏎', '\n'), row[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extractsExactlyTheExpectedLinks(String text, String expected) {
        List<Link> links = EXTRACTOR.extract(text);

        assertThat(links).containsExactlyElementsOf(parse(expected));
        for (Link link : links) {
            String host = URI.create(link.url().replace("ü", "%C3%BC")).getHost();
            assertThat(link.host()).isEqualTo(host.toLowerCase(Locale.ROOT)).doesNotStartWith("www.");
        }
    }

    private static List<Link> parse(String expected) {
        List<Link> links = new ArrayList<>();
        if (expected.equals("-")) {
            return links;
        }
        for (String entry : expected.split(" \\| ")) {
            String[] parts = entry.trim().split(" ");
            String url = parts[0];
            String host = URI.create(url.replace("ü", "%C3%BC")).getHost();
            links.add(new Link(url, LinkKind.fromWireName(parts[1]), host, CaseTable.orNull(parts[2]),
                    Link.ORIGIN_TEXT));
        }
        return links;
    }
}
