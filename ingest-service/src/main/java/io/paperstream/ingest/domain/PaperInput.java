package io.paperstream.ingest.domain;

import io.paperstream.events.RawPaper.SourceLink;
import java.util.List;

/**
 * A paper as an input format gave it, before validation: text as received, dates as text. Any field may be null.
 * Ids and revisions are never taken from input: ingest derives them.
 */
public record PaperInput(
        String title,
        String abstractText,
        List<String> authors,
        String arxivId,
        String doi,
        String publishedOn,
        String updatedAt,
        List<String> categories,
        String comment,
        List<SourceLink> links,
        List<String> keywords,
        String license) {

    public PaperInput {
        authors = authors == null ? List.of() : authors;
        categories = categories == null ? List.of() : categories;
        links = links == null ? List.of() : links;
        keywords = keywords == null ? List.of() : keywords;
    }

    /** Without a license (most formats have none). */
    public PaperInput(
            String title,
            String abstractText,
            List<String> authors,
            String arxivId,
            String doi,
            String publishedOn,
            String updatedAt,
            List<String> categories,
            String comment,
            List<SourceLink> links,
            List<String> keywords) {
        this(
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
                null);
    }

    /** Just a title and an abstract (the daily-digest text format has nothing else). */
    public static PaperInput of(String title, String abstractText) {
        return builder().title(title).abstractText(abstractText).build();
    }

    public PaperInput withPublishedOn(String date) {
        return new PaperInput(
                title,
                abstractText,
                authors,
                arxivId,
                doi,
                date,
                updatedAt,
                categories,
                comment,
                links,
                keywords,
                license);
    }

    /** A builder, for formats and tests that give a few of the fields (the rest stay null or empty). */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets fields by name; {@link #build()} applies the record's normalisation (null lists become empty). */
    public static final class Builder {
        private String title;
        private String abstractText;
        private List<String> authors;
        private String arxivId;
        private String doi;
        private String publishedOn;
        private String updatedAt;
        private List<String> categories;
        private String comment;
        private List<SourceLink> links;
        private List<String> keywords;
        private String license;

        private Builder() {}

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

        public Builder publishedOn(String publishedOn) {
            this.publishedOn = publishedOn;
            return this;
        }

        public Builder updatedAt(String updatedAt) {
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

        public Builder license(String license) {
            this.license = license;
            return this;
        }

        public PaperInput build() {
            return new PaperInput(
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
                    license);
        }
    }
}
