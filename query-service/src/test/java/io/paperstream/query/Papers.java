package io.paperstream.query;

import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.Link;
import io.paperstream.events.LinkKind;
import io.paperstream.events.RawPaper;
import io.paperstream.events.Tag;
import io.paperstream.testsupport.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Test records of papers.enriched. */
public final class Papers {
    private Papers() {}

    public static EnrichedPaper paper(
            String id,
            long revision,
            String title,
            String abstractText,
            LocalDate published,
            List<String> tags,
            List<Link> links) {
        return paper(id, revision, title, abstractText, published, tags, links, List.of());
    }

    public static EnrichedPaper paper(
            String id,
            long revision,
            String title,
            String abstractText,
            LocalDate published,
            List<String> tags,
            List<Link> links,
            List<String> keyphrases) {
        return paper(id, revision, title, abstractText, published, tags, links, keyphrases, List.of());
    }

    /** With arXiv categories. */
    public static EnrichedPaper paper(
            String id,
            long revision,
            String title,
            String abstractText,
            LocalDate published,
            List<String> tags,
            List<Link> links,
            List<String> keyphrases,
            List<String> categories) {
        RawPaper raw = new RawPaper(
                id,
                revision,
                title,
                abstractText,
                List.of("A. Author"),
                null,
                null,
                published,
                null,
                categories,
                null,
                List.of(),
                List.of(),
                new RawPaper.Source("json", "test"),
                Instant.now());
        return new EnrichedPaper(
                id,
                revision,
                raw,
                tags.stream()
                        .map(t -> new Tag(t, 0.9, null, List.of(t), Tag.ORIGIN_TAXONOMY))
                        .toList(),
                links,
                keyphrases,
                new EnrichedPaper.Enrichment("test", "t1", Instant.now()));
    }

    /** A paper with only what a test about filters needs. */
    public static EnrichedPaper tagged(String id, String title, LocalDate published, List<String> tags, Link... links) {
        return paper(id, 1, title, "An abstract about " + title.toLowerCase() + ".", published, tags, List.of(links));
    }

    public static Link link(LinkKind kind, String host, String subject) {
        return new Link(
                "https://" + host + "/" + (subject == null ? "" : subject), kind, host, subject, Link.ORIGIN_TEXT);
    }

    public static Link code(String owner, String repo) {
        return new Link(
                "https://github.com/" + owner + "/" + repo,
                LinkKind.CODE,
                "github.com",
                owner + "/" + repo,
                Link.ORIGIN_TEXT);
    }

    public static String json(EnrichedPaper paper) {
        return Json.write(paper);
    }
}
