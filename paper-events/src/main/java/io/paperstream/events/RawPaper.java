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
    public RawPaper(
            String id,
            long revision,
            String title,
            String abstractText,
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
            Instant ingestedAt) {
        this(
                id,
                revision,
                title,
                abstractText,
                authors,
                arxivId,
                doi,
                publishedOn,
                updatedAt,
                categories,
                comment,
                links,
                keywords,
                source,
                ingestedAt,
                null,
                null,
                null);
    }

    /** This paper with another id and revision (e.g. stamped by ingest, or merged under its canonical id). */
    public RawPaper withIdAndRevision(String newId, long newRevision) {
        return toBuilder().id(newId).revision(newRevision).build();
    }

    /** A builder, for code and tests that set a few of the eighteen fields (the rest stay empty). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this paper's fields. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.revision = revision;
        b.title = title;
        b.abstractText = abstractText;
        b.authors = authors;
        b.arxivId = arxivId;
        b.doi = doi;
        b.publishedOn = publishedOn;
        b.updatedAt = updatedAt;
        b.categories = categories;
        b.comment = comment;
        b.links = links;
        b.keywords = keywords;
        b.source = source;
        b.ingestedAt = ingestedAt;
        b.license = license;
        b.aliases = aliases;
        b.sources = sources;
        return b;
    }

    /** Sets fields by name; {@link #build()} applies the record's own normalisation (null lists become empty). */
    public static final class Builder {
        private String id;
        private long revision;
        private String title;
        private String abstractText;
        private List<String> authors;
        private String arxivId;
        private String doi;
        private LocalDate publishedOn;
        private Instant updatedAt;
        private List<String> categories;
        private String comment;
        private List<SourceLink> links;
        private List<String> keywords;
        private Source source;
        private Instant ingestedAt;
        private String license;
        private List<String> aliases;
        private List<Source> sources;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder revision(long revision) {
            this.revision = revision;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder abstractText(String abstractText) {
            this.abstractText = abstractText;
            return this;
        }

        public Builder authors(List<String> authors) {
            this.authors = authors;
            return this;
        }

        public Builder arxivId(String arxivId) {
            this.arxivId = arxivId;
            return this;
        }

        public Builder doi(String doi) {
            this.doi = doi;
            return this;
        }

        public Builder publishedOn(LocalDate publishedOn) {
            this.publishedOn = publishedOn;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder categories(List<String> categories) {
            this.categories = categories;
            return this;
        }

        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        public Builder links(List<SourceLink> links) {
            this.links = links;
            return this;
        }

        public Builder keywords(List<String> keywords) {
            this.keywords = keywords;
            return this;
        }

        public Builder source(Source source) {
            this.source = source;
            return this;
        }

        public Builder ingestedAt(Instant ingestedAt) {
            this.ingestedAt = ingestedAt;
            return this;
        }

        public Builder license(String license) {
            this.license = license;
            return this;
        }

        public Builder aliases(List<String> aliases) {
            this.aliases = aliases;
            return this;
        }

        public Builder sources(List<Source> sources) {
            this.sources = sources;
            return this;
        }

        public RawPaper build() {
            return new RawPaper(
                    id,
                    revision,
                    title,
                    abstractText,
                    authors,
                    arxivId,
                    doi,
                    publishedOn,
                    updatedAt,
                    categories,
                    comment,
                    links,
                    keywords,
                    source,
                    ingestedAt,
                    license,
                    aliases,
                    sources);
        }
    }

    /** A link the source itself gave (e.g. the GitHub repository a daily-papers entry names). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceLink(String url, String label) {}

    /** Where the record came from: the input format and, optionally, the feed or client that sent it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String format, String name) {}
}
