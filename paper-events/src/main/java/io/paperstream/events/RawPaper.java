package io.paperstream.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A paper as accepted by ingest (value of topic {@code papers.raw}, CloudEvents type {@code paperstream.paper.raw.v1}).
 *
 * <p>{@code revision} orders versions of the same paper: a consumer never lets a lower revision overwrite a higher one.
 * Ingest sets it to the ingest time in microseconds since the epoch.
 *
 * <p>On {@code papers.raw} a record is what one source said ({@code source}). On {@code papers.resolved} (and nested in
 * {@code papers.enriched}) it is the merged paper: {@code id} is the canonical id, {@code aliases} the other ids it is
 * known by (a DOI, title fingerprints, merged-away ids) and {@code sources} every source that contributed.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RawPaper(
        String id,
        long revision,
        String title,
        @JsonProperty("abstract") String abstractText,
        List<String> authors,
        String arxivId,
        String doi,
        LocalDate publishedOn,
        Instant updatedAt,
        List<String> categories,
        String comment,
        List<SourceLink> links,
        List<String> keywords,
        Source source,
        Instant ingestedAt,
        String license,
        List<String> aliases,
        List<Source> sources) {

    public static final String SCHEMA_VERSION = "v1";

    @com.fasterxml.jackson.annotation.JsonCreator
    public RawPaper {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
        links = links == null ? List.of() : List.copyOf(links);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A record as one source gave it: no license, aliases or merged sources. */
    public RawPaper(String id, long revision, String title, String abstractText, List<String> authors, String arxivId,
                    String doi, LocalDate publishedOn, Instant updatedAt, List<String> categories, String comment,
                    List<SourceLink> links, List<String> keywords, Source source, Instant ingestedAt) {
        this(id, revision, title, abstractText, authors, arxivId, doi, publishedOn, updatedAt, categories, comment,
                links, keywords, source, ingestedAt, null, null, null);
    }

    /** This paper with another id and revision (e.g. stamped by ingest, or merged under its canonical id). */
    public RawPaper withIdAndRevision(String newId, long newRevision) {
        return new RawPaper(newId, newRevision, title, abstractText, authors, arxivId, doi, publishedOn, updatedAt,
                categories, comment, links, keywords, source, ingestedAt, license, aliases, sources);
    }

    /** A link the source itself gave (e.g. the GitHub repository a daily-papers entry names). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceLink(String url, String label) {
    }

    /** Where the record came from: the input format and, optionally, the feed or client that sent it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String format, String name) {
    }
}
