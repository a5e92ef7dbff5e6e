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
    public PaperInput(String title, String abstractText, List<String> authors, String arxivId, String doi,
                      String publishedOn, String updatedAt, List<String> categories, String comment,
                      List<SourceLink> links, List<String> keywords) {
        this(title, abstractText, authors, arxivId, doi, publishedOn, updatedAt, categories, comment, links, keywords,
                null);
    }

    /** Just a title and an abstract (the daily-digest text format has nothing else). */
    public static PaperInput of(String title, String abstractText) {
        return new PaperInput(title, abstractText, null, null, null, null, null, null, null, null, null);
    }

    public PaperInput withPublishedOn(String date) {
        return new PaperInput(title, abstractText, authors, arxivId, doi, date, updatedAt, categories, comment, links,
                keywords, license);
    }
}
