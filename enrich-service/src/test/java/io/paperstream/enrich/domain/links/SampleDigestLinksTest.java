package io.paperstream.enrich.domain.links;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.events.Link;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The project's sample digest (deploy/local/sample) yields exactly its 22 known links, and nothing else. */
class SampleDigestLinksTest {

    /** Surefire runs in the module directory; the sample is shipped at the project root. */
    private static final Path SAMPLE = Path.of("..", "deploy", "local", "sample", "daily-papers-sample.txt");

    /** "Mar 14": the date line that ends the page furniture. */
    private static final Pattern DATE_LINE = Pattern.compile("[A-Z][a-z]{2} \\d{1,2}");

    private static List<String[]> papers;

    @BeforeAll
    static void readSample() throws IOException {
        List<String> lines = new ArrayList<>();
        boolean afterDate = false;
        for (String line : Files.readAllLines(SAMPLE, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            if (afterDate) {
                lines.add(line.strip());
            } else if (DATE_LINE.matcher(line.strip()).matches()) {
                afterDate = true;
            }
        }
        assertThat(lines.size() % 2).as("title/abstract pairs").isZero();
        papers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += 2) {
            papers.add(new String[] {lines.get(i), lines.get(i + 1)});
        }
    }

    @Test
    void findsExactlyTheKnownLinksOfTheSample() {
        LinkExtractor extractor = new LinkExtractor();
        List<String> found = new ArrayList<>();
        for (String[] paper : papers) {
            for (Link link : extractor.extract(paper[0], paper[1])) {
                found.add(String.join("\t", paper[0], link.url(), link.kind().wireName(), link.subject()));
            }
        }

        List<String> expected = new ArrayList<>();
        for (String[] row : CaseTable.read("/links/sample-expected-links.tsv", 4)) {
            expected.add(String.join("\t", titleStartingWith(row[0]), row[1], row[2], row[3]));
        }

        assertThat(papers).hasSizeGreaterThan(50);
        assertThat(expected).hasSize(22);
        assertThat(found).containsExactlyElementsOf(expected);
    }

    @Test
    void everySampleLinkHasTheHostOfItsUrl() {
        LinkExtractor extractor = new LinkExtractor();
        for (String[] paper : papers) {
            for (Link link : extractor.extract(paper[0], paper[1])) {
                assertThat(link.canonicalUrl()).startsWith("https://" + link.host() + "/");
                assertThat(link.origin()).isEqualTo(Link.ORIGIN_TEXT);
            }
        }
    }

    private static String titleStartingWith(String prefix) {
        List<String> titles =
                papers.stream().map(p -> p[0]).filter(t -> t.startsWith(prefix)).toList();
        assertThat(titles).as("papers titled " + prefix).hasSize(1);
        return titles.get(0);
    }
}
