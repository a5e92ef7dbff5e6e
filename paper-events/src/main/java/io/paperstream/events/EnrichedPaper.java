package io.paperstream.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A paper with its enrichment (value of the compacted topic {@code papers.enriched},
 * CloudEvents type {@code paperstream.paper.enriched.v1}). {@code id} and {@code revision} repeat the raw paper's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrichedPaper(
        String id,
        long revision,
        RawPaper paper,
        List<Tag> tags,
        List<Link> links,
        List<String> keyphrases,
        Enrichment enrichment) {

    public EnrichedPaper {
        tags = tags == null ? List.of() : List.copyOf(tags);
        links = links == null ? List.of() : List.copyOf(links);
        keyphrases = keyphrases == null ? List.of() : List.copyOf(keyphrases);
    }

    /** Which enricher produced this and when, so that a taxonomy change can be replayed and observed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Enrichment(String version, String taxonomyVersion, Instant enrichedAt) {}
}
