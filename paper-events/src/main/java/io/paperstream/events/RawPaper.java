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
        Instant ingestedAt) {

    public static final String SCHEMA_VERSION = "v1";

    public RawPaper {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
        links = links == null ? List.of() : List.copyOf(links);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
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
