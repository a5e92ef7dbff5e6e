package io.paperstream.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.Link;
import io.paperstream.events.PaperJson;
import io.paperstream.events.Tag;
import io.paperstream.query.store.PaperEntity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A paper as the query API returns it; mapped explicitly from the stored row or from a just-stored event. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaperView(
        String id,
        long revision,
        String title,
        @JsonProperty("abstract") String abstractText,
        List<String> authors,
        String arxivId,
        String doi,
        IdsView ids,
        LocalDate publishedOn,
        List<String> categories,
        List<TagView> tags,
        List<LinkView> links,
        List<String> keyphrases,
        JsonNode enrichment,
        JsonNode source,
        Instant ingestedAt,
        Instant storedAt,
        String license,
        JsonNode sources) {

    /** The names {@code fields=} accepts. */
    public static final Set<String> FIELDS = Set.of(
            "id",
            "revision",
            "title",
            "abstract",
            "authors",
            "arxivId",
            "doi",
            "ids",
            "publishedOn",
            "categories",
            "tags",
            "links",
            "keyphrases",
            "enrichment",
            "source",
            "ingestedAt",
            "storedAt",
            "license",
            "sources");

    /**
     * Every id the paper is known by: its arXiv id (without version) and DOI (not arXiv's own), and the aliases — ids
     * that records of it were sent under or that name it (title fingerprints, a DOI), each of which finds it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IdsView(String arxiv, String doi, List<String> aliases) {
        static IdsView of(String id, String arxivId, String doi, List<String> aliases) {
            String arxiv = id.startsWith("arxiv:")
                    ? id.substring(6)
                    : io.paperstream.events.PaperIds.normaliseArxivId(arxivId).orElse(null);
            String cleanDoi = io.paperstream.events.PaperIds.externalDoi(doi).orElse(null);
            return new IdsView(arxiv, cleanDoi, aliases);
        }
    }

    /** A tag: name, score, the arXiv category it stands for, why it was given and by whom. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record TagView(String name, double score, String arxivCategory, List<String> matched, String origin) {
        static TagView of(Tag t) {
            return new TagView(t.name(), t.score(), t.arxivCategory(), t.matched(), t.origin());
        }
    }

    /**
     * A link: the URL as written, its canonical form (the URL itself for papers stored before canonical forms existed),
     * kind, host (of the canonical form), subject (owner/repo, org/name, paper id) and whether the source gave it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LinkView(String url, String canonicalUrl, String kind, String host, String subject, String origin) {
        static LinkView of(Link l) {
            return new LinkView(l.url(), l.canonicalOrUrl(), l.kind().wireName(), l.host(), l.subject(), l.origin());
        }
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Tag>> TAGS = new TypeReference<>() {};
    private static final TypeReference<List<Link>> LINKS = new TypeReference<>() {};

    public static PaperView of(PaperEntity e) {
        return new PaperView(
                e.id,
                e.revision,
                e.title,
                e.abstractText,
                read(e.authors, STRINGS),
                e.arxivId,
                e.doi,
                IdsView.of(e.id, e.arxivId, e.doi, read(e.aliases, STRINGS)),
                e.publishedOn,
                read(e.categories, STRINGS),
                read(e.tags, TAGS).stream().map(TagView::of).toList(),
                read(e.links, LINKS).stream().map(LinkView::of).toList(),
                read(e.keyphrases, STRINGS),
                tree(e.enrichment),
                tree(e.source),
                e.ingestedAt == null ? null : e.ingestedAt.toInstant(),
                e.storedAt == null ? null : e.storedAt.toInstant(),
                e.license,
                tree(e.sources));
    }

    public static PaperView of(EnrichedPaper p, Instant storedAt) {
        return new PaperView(
                p.id(),
                p.revision(),
                p.paper().title(),
                p.paper().abstractText(),
                p.paper().authors(),
                p.paper().arxivId(),
                p.paper().doi(),
                IdsView.of(
                        p.id(), p.paper().arxivId(), p.paper().doi(), p.paper().aliases()),
                p.paper().publishedOn(),
                p.paper().categories(),
                p.tags().stream().map(TagView::of).toList(),
                p.links().stream().map(LinkView::of).toList(),
                p.keyphrases(),
                PaperJson.mapper().valueToTree(p.enrichment()),
                PaperJson.mapper().valueToTree(p.paper().source()),
                p.paper().ingestedAt(),
                storedAt,
                p.paper().license(),
                p.paper().sources().isEmpty()
                        ? null
                        : PaperJson.mapper().valueToTree(p.paper().sources()));
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return PaperJson.mapper().readValue(json == null ? "[]" : json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON is unreadable", e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return json == null ? null : PaperJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON is unreadable", e);
        }
    }
}
