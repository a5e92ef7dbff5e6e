package io.paperstream.enrich.domain.links;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.events.Link;
import io.paperstream.events.LinkKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
            assertThat(link.host())
                    .isEqualTo(hostOf(link.canonicalUrl()).toLowerCase(Locale.ROOT))
                    .doesNotStartWith("www.");
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
            String canonical = parts.length > 3 ? parts[3] : url;
            links.add(new Link(
                    url,
                    canonical,
                    LinkKind.fromWireName(parts[1]),
                    hostOf(canonical),
                    CaseTable.orNull(parts[2]),
                    Link.ORIGIN_TEXT));
        }
        return links;
    }

    /** The host of a URL, IDN hosts and IPv6 addresses in brackets included (java.net.URI accepts only ASCII hosts). */
    static String hostOf(String url) {
        int start = url.indexOf("://") + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = authority.lastIndexOf(':');
        return colon > authority.lastIndexOf(']') ? authority.substring(0, colon) : authority; // "[2001:db8::1]:80"
    }
}
