package io.paperstream.enrich.domain.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.events.Link;
import io.paperstream.events.LinkKind;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The contract of {@link LinkExtractor#extract}: several texts, nulls, de-duplication, immutability, threads. */
class LinkExtractorApiTest {

    private final LinkExtractor extractor = new LinkExtractor();

    @Test
    void ignoresNullsAndEmptyInput() {
        assertThat(extractor.extract()).isEmpty();
        assertThat(extractor.extract((String[]) null)).isEmpty();
        assertThat(extractor.extract((String) null)).isEmpty();
        assertThat(extractor.extract(null, "", "no links here")).isEmpty();
    }

    @Test
    void deduplicatesAcrossTextsInFirstSeenOrder() {
        List<Link> links = extractor.extract(
                "Title with huggingface.co/org/model",
                "Abstract: code at https://github.com/a/b, model at https://huggingface.co/org/model/tree/main.",
                null,
                "Comment: 10 pages; code https://github.com/a/b.git");

        assertThat(links)
                .extracting(Link::url)
                .containsExactly("https://huggingface.co/org/model", "https://github.com/a/b");
        assertThat(links).extracting(Link::origin).containsOnly(Link.ORIGIN_TEXT);
    }

    @Test
    void keepsTheFirstSpellingOfACaseInsensitiveTarget() {
        assertThat(extractor.extract("https://github.com/Owner/Repo", "github.com/owner/repo"))
                .containsExactly(new Link(
                        "https://github.com/Owner/Repo", LinkKind.CODE, "github.com", "Owner/Repo", Link.ORIGIN_TEXT));
    }

    @Test
    void returnsAnUnmodifiableList() {
        List<Link> links = extractor.extract("https://github.com/a/b");

        assertThatThrownBy(() -> links.add(links.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        String text =
                "Code https://github.com/a/b, data https://huggingface.co/datasets/c/d, paper arxiv.org/abs/2401.01234.";
        List<Link> expected = extractor.extract(text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Link>>> results =
                    pool.invokeAll(java.util.Collections.nCopies(64, () -> extractor.extract(text)));
            for (Future<List<Link>> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).hasSize(3);
    }

    /** A hang guard, not a performance target (that is the JMH benchmark): super-linear scanning would not finish. */
    @Test
    @org.junit.jupiter.api.Timeout(30)
    void terminatesOnPathologicalInput() {
        String dots = "a.".repeat(20_000);
        String slashes = "https://github.com/" + "x/ ".repeat(5_000);
        String scheme = "https://".repeat(5_000);
        String parens = "https://example.com/" + "(".repeat(5_000) + ")".repeat(6_000);
        String quotes = "https://example.com/" + "\"a\"{b}'c'".repeat(5_000);
        String hosts = "x_y.".repeat(20_000) + " " + "é.".repeat(20_000) + " " + "中a.".repeat(10_000);

        assertThat(extractor.extract(dots, slashes, scheme, parens, quotes, hosts))
                .isNotNull();
    }
}
